package dev.agentlaunch.core.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code launch completion bash|zsh|fish}: a completion script for the command tree as it is
 * now, so integrations from third-party plugins complete too. picocli writes the bash script
 * (which zsh runs through bashcompinit); {@link FishCompletion} writes fish's.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Print a shell completion script for launch: its commands, every integration found now and their options.",
                "Plugins added later complete after you re-run it."},
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

    private final PrintWriter out;

    public CompletionCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        String name = root.name();
        out.print(switch (shell) {
            case bash, zsh -> AutoComplete.bash(name, root.commandLine());
            case fish -> new FishCompletion().script(root);
        });
        out.flush();
        return 0;
    }
}
