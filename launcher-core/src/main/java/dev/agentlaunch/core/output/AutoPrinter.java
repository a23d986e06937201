package dev.agentlaunch.core.output;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.auto.AutoChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code --auto} chose and why, in words: notes before a launch, lines of a dry run's plan. */
public final class AutoPrinter {
    private AutoPrinter() {
    }

    /** One note per chosen tier and one for the models passed over. */
    public static void notes(AutoChoice choice, Reporter reporter) {
        lines(choice).forEach(line -> reporter.note("--auto: " + line));
    }

    /** {@code large  qwen3:32b: the biggest (32B) ...}, then {@code skipped  a (no tool calling), ...}. */
    static List<String> lines(AutoChoice choice) {
        List<String> lines = new ArrayList<>();
        choice.picks().forEach((Tier tier, AutoChoice.Pick p) -> lines.add(tier.id() + " " + p.model() + ": " + p.why()));
        if (!choice.skipped().isEmpty()) {
            lines.add("skipped " + choice.skipped().stream().map(s -> s.model() + " (" + s.why() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return lines;
    }
}
