package dev.agentlaunch.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parse errors in plain words, each with what to do: "unknown option '--lage' for
 * 'launch claude': did you mean '--large'?" rather than "Unknown options: '--lage', 'm'". A
 * suggestion is offered only when it is close to what was typed ({@link Suggestion}).
 */
public final class UsageErrors {
    private UsageErrors() {
    }

    /** An unknown word where an integration or command belongs. */
    public static String unknownIntegration(String name, CommandLine root) {
        String hint = Suggestion.closest(name, new ArrayList<>(root.getSubcommands().keySet()))
                .map(s -> "did you mean '" + s + "'? ").orElse("");
        return "unknown integration '" + name + "': " + hint
                + "'launch list-integrations' lists the integrations, 'launch help' the commands";
    }

    /** The one line for any other parse error of {@code ex}'s command. */
    public static String describe(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        String command = commandName(cmd);
        String help = "see '" + command + " --help'";
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean integration = cmd.getCommand() instanceof IntegrationCommand;
            String toolArgs = "pass " + cmd.getCommandName() + "'s own arguments after --, e.g. '" + command
                    + " --model qwen3:8b -- " + (first.startsWith("-") ? first : "-p \"hi\"") + "'";
            if (first.startsWith("-")) {
                String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                Optional<String> close = Suggestion.closest(option, optionNames(cmd));
                return "unknown option '" + option + "' for '" + command + "': " + close.map(s -> "did you mean '" + s + "'? ")
                        .orElse("") + (integration ? "or " + toolArgs : help);
            }
            Optional<String> close = Suggestion.closest(first, new ArrayList<>(cmd.getSubcommands().keySet()));
            if (close.isPresent()) {
                return "unknown command '" + first + "' for '" + command + "': did you mean '" + close.get() + "'? " + help;
            }
            return "unexpected argument '" + first + "': '" + command + "' takes " + (integration
                    ? "models through --large, --medium, --small or --model; " + toolArgs
                    : "no such argument; " + help);
        }
        if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec arg = m.getMissing().get(0);
            if (arg instanceof OptionSpec o && ex.getMessage() != null && ex.getMessage().contains("for option")) {
                return o.longestName() + " needs a value (" + o.paramLabel() + "); " + help;
            }
            return "missing " + arg.paramLabel() + "; " + help;
        }
        if (ex instanceof OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec option) {
            return option.longestName() + " was given more than once: give it once; " + help;
        }
        String message = dev.agentlaunch.core.output.Reporter.flatten(ex.getMessage())
                .replaceFirst("^Invalid value for positional parameter at index \\d+ \\(([^)]*)\\): ", "invalid $1: ")
                .replace(" (case-sensitive)", "")
                .replaceFirst("^Unknown subcommand ", "unknown command ")
                .replaceFirst("\\.$", "");      // picocli's sentence ends before "; see ..."
        if (!message.isEmpty()) {
            message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        return message + "; " + help;
    }

    /** {@code launch claude}, {@code launch profile save}. */
    private static String commandName(CommandLine cmd) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = cmd; c != null; c = c.getParent()) {
            names.add(0, c.getCommandName());
        }
        return String.join(" ", names);
    }

    private static List<String> optionNames(CommandLine cmd) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            if (!o.hidden()) {
                names.addAll(List.of(o.names()));
            }
        }
        return names;
    }
}
