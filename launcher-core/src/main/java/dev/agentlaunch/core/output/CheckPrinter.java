package dev.agentlaunch.core.output;

import dev.agentlaunch.core.server.ByteSize;
import dev.agentlaunch.core.server.ModelStatus;
import dev.agentlaunch.core.server.ServerReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The server checks' result as text lines, shared by {@code --dry-run} and {@code launch doctor}. */
final class CheckPrinter {
    private final PrintWriter out;

    CheckPrinter(PrintWriter out) {
        this.out = out;
    }

    /**
     * {@code models} (one line per distinct model), {@code memory} and {@code checks} lines; "skipped" for null.
     *
     * @param notRun   why the checks did not run, when {@code checks} is null
     * @param problems where the problems the {@code checks} line counts are printed
     */
    void printText(ServerReport checks, String notRun, String problems) {
        if (checks == null) {
            out.println("checks       skipped (" + notRun + ")");
            return;
        }
        if (!checks.models().isEmpty()) {
            out.println("models");
            int width = checks.models().stream().mapToInt(m -> m.name().length()).max().orElse(10);
            for (ModelStatus m : checks.models()) {
                out.printf("  %-" + width + "s  %s%n", m.name(), describe(m));
            }
        }
        out.println("memory       " + checks.memory().summary());
        int count = checks.warnings().size() + checks.missing().size();
        out.println(String.format(Locale.ROOT, "checks       %s (%.0f ms)", count == 0 ? "ok"
                : count + (count == 1 ? " problem, " : " problems, ") + problems, checks.elapsed().toNanos() / 1e6));
    }

    /** {@code present, 2.6 GB, context 40960 (served 4096), tools; large and medium tiers}; {@code ...; your VAR} for a kept variable. */
    static String describe(ModelStatus m) {
        if (!m.present()) {
            return (m.signInNeeded() ? "NOT SIGNED IN to Ollama Cloud; " : "MISSING; ") + m.tierWords();
        }
        StringBuilder b = new StringBuilder("present");
        if (m.cloud()) {
            b.append(", Ollama Cloud (no memory here)");
        } else {
            m.size().ifPresent(s -> b.append(", ").append(ByteSize.format(s)));
        }
        m.contextLength().ifPresent(c -> b.append(", context ").append(c));
        m.servedContext().ifPresent(c -> b.append(" (served ").append(c).append(')'));
        b.append(!m.capabilitiesKnown() ? ", tool calling unknown" : m.supportsTools() ? ", tools" : ", NO tool calling");
        b.append("; ").append(m.tierWords());
        return b.toString();
    }

}
