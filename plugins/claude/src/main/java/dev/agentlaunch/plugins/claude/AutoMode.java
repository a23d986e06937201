package dev.agentlaunch.plugins.claude;

import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import java.util.List;
import java.util.Set;

/**
 * Claude Code's auto mode, the default of interactive sessions on today's versions: before an
 * action it asks a safety classifier, on the sonnet model (the medium tier), and does not run the
 * action when the classifier's answers are unusable, which a small local model may well give. The
 * launcher never changes the user's permission mode; when the user has not chosen one, it says
 * once per launch how to keep auto mode or turn it off.
 */
final class AutoMode {
    /** Arguments that choose a permission mode, or run without a session's prompts at all. */
    private static final Set<String> CHOICES = Set.of("--permission-mode", "--dangerously-skip-permissions",
            "--allow-dangerously-skip-permissions");
    /** Headless runs: the classifier does not run there (it did only in 2.1.285 to 2.1.301). */
    private static final Set<String> HEADLESS = Set.of("-p", "--print");

    private AutoMode() {
    }

    static void advise(TierPlan plan, LaunchContext context, List<SettingsSource> files) {
        List<String> args = context.toolArgs();
        if (args.stream().anyMatch(a -> HEADLESS.contains(a) || CHOICES.contains(a) || CHOICES.stream().anyMatch(c -> a.startsWith(c + "=")))) {
            return;
        }
        boolean chosenInSettings = files.stream().anyMatch(f -> f.permissionMode() != null)
                || ClaudeSettings.userArgument(context).map(s -> s.permissionMode() != null).orElse(false);
        if (chosenInSettings) {
            return;
        }
        context.note("tip: in auto mode (interactive Claude Code's default) a safety check on the medium tier's "
                + plan.model(Tier.MEDIUM) + " approves each action, and an action it cannot approve does not run; "
                + "keep it by setting \"permissions\": {\"defaultMode\": \"auto\"} in your Claude Code settings, or turn it "
                + "off with -- --permission-mode default");
    }
}
