package dev.agentlaunch.core.cli;

import picocli.CommandLine;
import dev.agentlaunch.core.output.IntegrationsPrinter;
import dev.agentlaunch.core.process.IntegrationProbe;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code launch list-integrations}: every integration, whether its tool is installed, its plugin. */
@Command(name = "list-integrations", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"List the agent tools the launcher can start: id, name, whether the tool is installed (and where),",
                "the plugin it comes from and what each tier drives. Plugins that failed to load are listed with why."},
        footerHeading = "%nExamples:%n",
        footer = {"  launch list-integrations", "  launch list-integrations --json",
                "  launch --plugins-dir ./my-plugins list-integrations"})
public final class ListIntegrationsCommand implements Callable<Integer> {
    private final CliContext context;

    final OutputOptions output = new OutputOptions();

    /** This command with its shared options ({@link OptionGroup}). */
    public static CommandLine create(CliContext context) {
        ListIntegrationsCommand command = new ListIntegrationsCommand(context);
        return OptionGroup.annotated(command, command.output);
    }

    private ListIntegrationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        new IntegrationsPrinter(context.out(), context.env(), context.home(), context.reporter()::warn, context.reporter()::note)
                .print(IntegrationProbe.check(context.registry()), output.json());
        return 0;
    }
}
