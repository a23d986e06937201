package dev.agentlaunch.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options several commands share, declared with picocli's programmatic API rather than
 * {@code @Option} fields: a launch builds its command without any annotation reflection, which in a
 * cold JVM costs about 40 ms (bench/README.md). Each group keeps the {@link OptionSpec}s it added
 * and reads the parsed values from them.
 */
interface OptionGroup {
    void addTo(CommandSpec spec);

    /** {@code command}'s annotated model plus these groups' options. */
    static CommandLine annotated(Object command, OptionGroup... groups) {
        CommandLine cl = new CommandLine(command);
        for (OptionGroup group : groups) {
            group.addTo(cl.getCommandSpec());
        }
        return cl;
    }

    /** Adds {@code option} to {@code spec} and returns it. */
    static OptionSpec add(CommandSpec spec, OptionSpec option) {
        spec.addOption(option);
        return option;
    }

    /** A flag's value: false until the flag is given. */
    static boolean flag(OptionSpec option) {
        return Boolean.TRUE.equals(option.getValue());
    }

    /** {@code -h/--help} and, when {@code version}, {@code -V/--version}: picocli's standard help options, in code. */
    static void standardHelp(CommandSpec spec, boolean version) {
        spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
                .description("Show this help message and exit.").build());
        if (version) {
            spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true)
                    .description("Print version information and exit.").build());
        }
    }
}
