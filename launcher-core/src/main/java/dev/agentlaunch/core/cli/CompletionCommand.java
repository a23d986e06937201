package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.config.ConfigLocation;
import dev.agentlaunch.core.config.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code launch completion bash|zsh|fish}: a completion script for the command tree as it is
 * now, so integrations from third-party plugins complete too, and {@code --profile} completes the
 * profile names of the config file as it is now. picocli writes the bash script
 * (which zsh runs through bashcompinit); {@link FishCompletion} writes fish's.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Print a shell completion script for launch: its commands, every integration found now and their options.",
                "Plugins and profiles added later complete after you re-run it."},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(launch completion bash)     # bash: add to ~/.bashrc",
                "  source <(launch completion zsh)      # zsh: add to ~/.zshrc",
                "  launch completion fish > ~/.config/fish/completions/launch.fish"})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells a script can be printed for. */
    enum Shell { bash, zsh, fish }

    @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    public CompletionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        String name = root.name();
        offerProfiles(root, profileNames());
        java.io.PrintWriter out = context.out();
        out.print(switch (shell) {
            case bash, zsh -> ownHeader(AutoComplete.bash(name, root.commandLine()), shell);
            case fish -> new FishCompletion().script(root);
        });
        out.flush();
        return 0;
    }

    /**
     * picocli's script opens with generic installation notes ({@code $YOUR_APP_HOME}, editing
     * ~/.bash_profile) that do not apply here; this tool's own two lines replace them.
     */
    static String ownHeader(String script, Shell shell) {
        String rc = shell == Shell.zsh ? "~/.zshrc" : "~/.bashrc";
        String[] lines = script.split("\n", -1);
        int body = 0;
        while (body < lines.length && lines[body].startsWith("#")) {
            body++;
        }
        return "#!/usr/bin/env bash\n"
                + "# " + shell + " completion for launch (agent-launch), made from the commands and integrations found now.\n"
                + "# Load it with: source <(launch completion " + shell + ")   (add that line to " + rc + " to keep it)\n"
                + String.join("\n", java.util.Arrays.copyOfRange(lines, body, lines.length));
    }

    /** The config file's profile names; none when there is no config file or it cannot be read. */
    private List<String> profileNames() {
        try {
            return ConfigLocation.resolve(null, context.env(), context.home()).filter(ConfigLocation::exists)
                    .map(l -> List.copyOf(new ConfigReader().read(l).profiles().keySet())).orElse(List.of());
        } catch (LauncherException e) {
            context.reporter().warn("profile names not offered for completion: " + e.getMessage());
            return List.of();
        }
    }

    /** Gives every {@code --profile} option in the tree these names as completion candidates. */
    private static void offerProfiles(CommandSpec spec, List<String> names) {
        OptionSpec profile = spec.findOption("--profile");
        if (profile != null && !names.isEmpty()) {
            List<OptionSpec> options = new ArrayList<>(spec.options());
            options.forEach(spec::remove);
            for (OptionSpec o : options) {
                spec.addOption(o == profile ? OptionSpec.builder(o).completionCandidates(names).build() : o);
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            offerProfiles(sub.getCommandSpec(), names);
        }
    }
}
