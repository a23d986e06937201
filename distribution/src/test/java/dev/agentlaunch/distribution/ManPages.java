package dev.agentlaunch.distribution;

import dev.agentlaunch.core.Main;
import dev.agentlaunch.core.Versions;
import dev.agentlaunch.core.cli.CliContext;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.plugins.IntegrationRegistry;
import dev.agentlaunch.core.plugins.PluginDirectory;
import dev.agentlaunch.core.plugins.PluginLoader;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (prepare-package): writes the AsciiDoc man pages of the whole command tree, the
 * built-in integrations included, with picocli's ManPageGenerator; the build turns them into
 * troff for the distribution's {@code man/man1}. The built-in plugins are the {@code plugin-*}
 * jars on this build classpath, loaded exactly as the launcher loads them.
 */
public final class ManPages {
    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path plugins = Files.createTempDirectory("builtin-plugins", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path jar = Path.of(entry);
                if (jar.getFileName().toString().matches("plugin-.*\\.jar") && Files.isRegularFile(jar)) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
            }
            PrintWriter err = new PrintWriter(System.err, true);
            IntegrationRegistry registry = new PluginLoader(Versions.api())
                    .load(List.of(new PluginDirectory(plugins, "built-in", true)));
            if (registry.integrations().isEmpty() || !registry.problems().isEmpty()) {
                throw new IllegalStateException("built-in plugins did not load from " + plugins + ": " + registry.problems());
            }
            CliContext context = new CliContext(Map.of(), Optional.empty(), registry, new PrintWriter(System.out),
                    new Reporter(err, true, false), List.of(), 0, null);
            CommandLine root = Main.commandLine(context);
            root.setUsageHelpAutoWidth(false);
            root.setUsageHelpWidth(200);   // a synopsis wrapped onto a line starting with '[' reads as AsciiDoc attributes
            int code = ManPageGenerator.generateManPage(out.toFile(), null, new boolean[0], true, root.getCommandSpec());
            if (code != 0) {
                throw new IllegalStateException("ManPageGenerator failed with " + code);
            }
            // The pages name where each plugin came from: say the installation's plugins/, not this build's temp dir.
            try (Stream<Path> pages = Files.list(out)) {
                for (Path page : (Iterable<Path>) pages::iterator) {
                    String text = Files.readString(page, StandardCharsets.UTF_8);
                    Files.writeString(page, text.replace(plugins.toString(), "<install dir>/plugins")
                            .replace(" -- ", " \\-- "), StandardCharsets.UTF_8);   // a bare -- would become an em dash
                }
            }
        } finally {
            try (Stream<Path> files = Files.list(plugins)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(plugins);
        }
    }
}
