package dev.agentlaunch.core.output;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.process.EnvEntry;
import dev.agentlaunch.core.process.LaunchPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code launch env}: the launch's environment as lines a shell can {@code eval}, then the argv
 * to run. It prints only what the launch itself sets (the server's placeholder token included);
 * a variable the launch keeps from the user's environment is named, never echoed, so the user's
 * own secrets never reach the output.
 */
public final class EnvPrinter {
    private final PrintWriter out;
    private final Shell shell;

    public EnvPrinter(PrintWriter out, Shell shell) {
        this.out = out;
        this.shell = shell;
    }

    public void print(LaunchPlan plan) {
        Integration integration = plan.integration().integration();
        List<String> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            tiers.add(tier.id() + "=" + plan.tiers().model(tier));
        }
        out.println(shell.comment("agent-launch: " + integration.displayName() + " against " + plan.server().url() + ", "
                + String.join(" ", tiers)));
        for (EnvEntry e : plan.env()) {
            if (e.action() == EnvEntry.Action.KEPT) {
                out.println(shell.comment("keeping your own " + e.name() + " (already in your environment)"));
            } else if (plan.tokenReference(e.name()).isPresent()) {
                out.println(shell.exportReference(e.name(), plan.tokenReference(e.name()).get()));
            } else {
                out.println(shell.export(e.name(), e.value()));
            }
        }
        List<String> argv = new ArrayList<>();
        argv.add(integration.executableNames().get(0));
        argv.addAll(plan.arguments());
        out.println(shell.comment("then run: " + shell.command(argv)));
        out.flush();
    }
}
