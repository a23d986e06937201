package dev.agentlaunch.core.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code launch version}: the same line as {@code launch --version}. */
@Command(name = "version", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Print the launcher's version, the plugin API it implements and the Java it runs on.",
        footerHeading = "%nExamples:%n", footer = {"  launch version", "  launch --version"})
public final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().printVersionHelp(spec.commandLine().getOut());
        return 0;
    }
}
