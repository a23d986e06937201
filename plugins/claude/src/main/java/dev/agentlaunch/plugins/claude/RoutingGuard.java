package dev.agentlaunch.plugins.claude;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Claude Code applies the {@code env} of its settings files over the process environment, so an
 * {@code ANTHROPIC_BASE_URL} a user once put in {@code ~/.claude/settings.json} silently sends a
 * "local" session elsewhere. This finds every routing variable those files set differently from
 * the launch and passes the launch's value again through {@code --settings '<inline JSON>'},
 * which Claude Code ranks above user, project and local settings. Tier variables follow the
 * environment policy: an explicit tier replaces the file's value, a derived one yields to it.
 * Each conflict is one note.
 */
final class RoutingGuard {
    /** Variables that take requests off the launch's models when a settings file sets them. */
    static final Set<String> BLOCKERS = Set.of("ANTHROPIC_MODEL", "ANTHROPIC_SMALL_FAST_MODEL",
            "CLAUDE_CODE_USE_BEDROCK", "CLAUDE_CODE_USE_VERTEX", "CLAUDE_CODE_USE_FOUNDRY");
    /** Model values of the settings' {@code model} key that route through the tier variables. */
    static final Set<String> ALIASES = Set.of("default", "opus", "sonnet", "haiku", "opusplan", "opus[1m]", "sonnet[1m]");

    private final Map<String, String> launchEnv;
    private final Map<String, Tier> tierVariables;

    RoutingGuard(Map<String, String> launchEnv, Map<String, Tier> tierVariables) {
        this.launchEnv = launchEnv;
        this.tierVariables = tierVariables;
    }

    /** The arguments to put before the user's: {@code --settings JSON} when a settings file fights the routing, else none. */
    List<String> args(TierPlan plan, LaunchContext context) {
        return args(plan, context, ClaudeSettings.files(context));
    }

    /** The same, with the settings files already read ({@link ClaudeSettings#files}). */
    List<String> args(TierPlan plan, LaunchContext context, List<SettingsSource> files) {
        Map<String, SettingsSource> setBy = new TreeMap<>();   // variable -> the file whose value Claude Code uses
        String model = null;
        String modelFrom = null;
        for (SettingsSource f : files) {                          // lowest precedence first: later files win
            f.env().keySet().forEach(k -> setBy.put(k, f));
            if (f.model() != null) {
                model = f.model();
                modelFrom = f.label();
            }
        }
        Map<String, String> overrides = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, SettingsSource> e : setBy.entrySet()) {
            String name = e.getKey();
            String theirs = e.getValue().env().get(name);
            String from = e.getValue().label();
            String ours = launchEnv.get(name);
            if (ours != null && !ours.equals(theirs)) {
                Tier tier = tierVariables.get(name);
                if (tier != null && !plan.source(tier).isExplicit()) {
                    context.note("keeping " + name + "=" + shown(name, theirs) + " from " + from + " (the " + tier.id()
                            + " tier's " + ours + " was only derived: " + plan.source(tier).label() + "); pass "
                            + tier.flag() + " to replace it for this session");
                    continue;
                }
                overrides.put(name, ours);
                conflicts.add(name);
                context.note(from + " sets " + name + "=" + shown(name, theirs) + ", which Claude Code applies over the "
                        + "environment; passing " + (ours.isEmpty() ? "an empty value" : ours)
                        + (tier == null ? "" : " (" + tier.id() + " tier, " + plan.source(tier).label() + ")")
                        + " again through --settings for this session");
            } else if (BLOCKERS.contains(name) && !theirs.isEmpty()) {
                overrides.put(name, "");
                conflicts.add(name);
                context.note(from + " sets " + name + "=" + shown(name, theirs) + ", which would take requests off the "
                        + "tiers; clearing it through --settings for this session");
            } else if (name.equals(ClaudeIntegration.SUBAGENT) && !theirs.isEmpty()) {
                context.note(from + " sets " + name + "=" + theirs + ", which sends every subagent (Explore too) to that "
                        + "model, overriding the tiers; remove it there to let each subagent use its tier");
            }
        }
        String modelOverride = null;
        if (model != null && !ALIASES.contains(model.toLowerCase(Locale.ROOT))) {
            modelOverride = "opus";
            conflicts.add("model");
            context.note(modelFrom + " sets \"model\": \"" + model + "\", a model the tiers do not name; passing "
                    + "\"model\": \"opus\" (the large tier) through --settings for this session");
        }

        Optional<SettingsSource> users = ClaudeSettings.userArgument(context);
        if (users.isPresent()) {
            List<String> fights = new ArrayList<>();
            users.get().env().forEach((k, v) -> {
                if ((launchEnv.containsKey(k) && !launchEnv.get(k).equals(v)) || (BLOCKERS.contains(k) && !v.isEmpty())) {
                    fights.add(k);
                }
            });
            if (!fights.isEmpty()) {
                throw new LaunchRefusedException(users.get().label() + " sets " + String.join(", ", fights)
                        + ", which would take the session off the launcher's model server and tiers; remove "
                        + (fights.size() == 1 ? "it" : "them") + " from your settings (pick models with --large/--medium/--small)");
            }
            if (!conflicts.isEmpty()) {
                throw new LaunchRefusedException("your --settings would replace the launcher's own --settings (Claude Code "
                        + "uses only the last one), which must override " + String.join(", ", conflicts)
                        + " from your settings files; add " + settings(overrides, modelOverride)
                        + " to your --settings, or drop it");
            }
            return List.of();
        }
        if (overrides.isEmpty() && modelOverride == null) {
            return List.of();
        }
        return List.of("--settings", settings(overrides, modelOverride));
    }

    /** {@code {"env":{...},"model":"..."}} with the env keys sorted, so the same input always gives the same text. */
    private static String settings(Map<String, String> env, String model) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (!env.isEmpty()) {
            settings.put("env", new TreeMap<>(env));
        }
        if (model != null) {
            settings.put("model", model);
        }
        return Json.host().write(settings);
    }

    private static String shown(String name, String value) {
        String upper = name.toUpperCase(Locale.ROOT);
        boolean secret = upper.contains("KEY") || upper.contains("TOKEN") || upper.contains("SECRET") || upper.contains("PASSWORD");
        return secret && !value.isEmpty() ? "****" : value;
    }
}
