package dev.agentlaunch.plugins.claude;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.ModelInfo;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.WireApi;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Claude Code. It routes its own work through model aliases, each overridable by an env var:
 * opus (the main conversation when no {@code --model} is given; Plan and general-purpose subagents
 * inherit it), fable/best (its fourth tier), sonnet (the auto-mode safety classifier of interactive
 * sessions) and haiku (session titles of interactive sessions, and the launcher's own Explore
 * subagent, see {@link ExploreAgent}). The launcher maps large/medium/small onto those and points
 * Claude Code at the server's Anthropic-compatible API.
 *
 * <p>Settings files ({@code ~/.claude/settings.json}, the project's) override the environment in
 * Claude Code; {@link RoutingGuard} puts the launch's routing back on top with {@code --settings}.
 *
 * <p>{@code CLAUDE_CODE_SUBAGENT_MODEL} is never set; a user's is reported, and so is a user's
 * {@code CLAUDE_CODE_SUBAGENT_MODEL_FORCE}, which puts every subagent, Explore included, on one model.
 */
@Extension
public final class ClaudeIntegration implements Integration {
    static final String OPUS = "ANTHROPIC_DEFAULT_OPUS_MODEL";
    static final String FABLE = "ANTHROPIC_DEFAULT_FABLE_MODEL";
    static final String SONNET = "ANTHROPIC_DEFAULT_SONNET_MODEL";
    static final String HAIKU = "ANTHROPIC_DEFAULT_HAIKU_MODEL";
    /** The older name of the small/fast model; it still wins over the haiku variable where it is read. */
    static final String SMALL_FAST = "ANTHROPIC_SMALL_FAST_MODEL";
    static final String SUBAGENT = "CLAUDE_CODE_SUBAGENT_MODEL";
    static final String SUBAGENT_FORCE = "CLAUDE_CODE_SUBAGENT_MODEL_FORCE";
    /** The context window Claude Code assumes for a model it does not know (without it: 1M, or 200k). */
    static final String MAX_CONTEXT = "CLAUDE_CODE_MAX_CONTEXT_TOKENS";
    /** A main model asked as {@code <model>[1m]} gets a window of at least 1M whatever else is set; this turns that off. */
    static final String NO_1M = "CLAUDE_CODE_DISABLE_1M_CONTEXT";
    /** Claude Code's own 1M-context window: a served context at least this large needs no telling. */
    static final int ONE_MILLION = 1_000_000;

    @Override
    public String id() {
        return "claude";
    }

    @Override
    public String displayName() {
        return "Claude Code";
    }

    @Override
    public List<String> executableNames() {
        return List.of("claude");
    }

    /** Where Claude Code's native installer links it ({@code ~/.local/bin/claude}) and where the older local install put it. */
    @Override
    public List<String> installDirs() {
        return List.of(".local/bin", ".claude/local");
    }

    @Override
    public String installHint() {
        return "npm install -g @anthropic-ai/claude-code";
    }

    /** The range the end-to-end tests ran: the pinned version (distribution/agents/package-lock.json) and the oldest. */
    @Override
    public List<String> provenToolVersions() {
        return List.of("2.1.197", "2.1.332");
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        roles.put(Tier.LARGE, "main conversation; Plan and general-purpose subagents inherit it; --model opus, fable, best ("
                + OPUS + ", " + FABLE + ")");
        roles.put(Tier.MEDIUM, "--model sonnet; the auto-mode safety classifier of interactive sessions (" + SONNET + ")");
        roles.put(Tier.SMALL, "session titles, the Explore subagent (the launcher's --agents entry), --model haiku ("
                + HAIKU + ", " + SMALL_FAST + "); titles only in interactive sessions");
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        Map<String, String> env = new LinkedHashMap<>();
        // Ollama serves the Anthropic Messages API at <host>/v1/messages; Claude Code adds /v1 itself.
        env.put("ANTHROPIC_BASE_URL", plan.endpoint());
        // Sent as a bearer token; Ollama ignores it. No interactive "use this API key?" prompt, unlike an API key.
        // A server's real token is added by tierEnv(plan, context), from the user's own variable: never through
        // this map, which also feeds the --settings argument (an argument anyone on the machine can read).
        if (plan.apiKeyEnv().isEmpty()) {
            env.put("ANTHROPIC_AUTH_TOKEN", "ollama");
        }
        // Empty on purpose: a non-empty key makes interactive Claude Code ask to use it, defaulting to No.
        env.put("ANTHROPIC_API_KEY", "");
        // Claude Code's per-request attribution prefix changes the system prompt each time and defeats the prompt cache.
        env.put("CLAUDE_CODE_ATTRIBUTION_HEADER", "0");
        env.put(OPUS, plan.model(Tier.LARGE));
        // Unset, --model fable/best (and /model fable) would ask the server for an Anthropic model id.
        env.put(FABLE, plan.model(Tier.LARGE));
        env.put(SONNET, plan.model(Tier.MEDIUM));
        env.put(HAIKU, plan.model(Tier.SMALL));
        env.put(SMALL_FAST, plan.model(Tier.SMALL));
        contextWindow(plan).ifPresent(tokens -> {
            env.put(NO_1M, "1");
            env.put(MAX_CONTEXT, Integer.toString(tokens));
        });
        return env;
    }

    /**
     * The context the server reports for the large model, when it is smaller than Claude Code's
     * 1M window. Claude Code assumes 1M for a main model it does not know (it asks for it as
     * {@code <model>[1m]}), so it would never compact before the server cuts the conversation;
     * with {@link #NO_1M} and {@link #MAX_CONTEXT} it sizes its context and auto-compact window to this.
     */
    static java.util.OptionalInt contextWindow(TierPlan plan) {
        return plan.info(Tier.LARGE).map(ModelInfo::contextLength).filter(c -> c.isPresent() && c.getAsInt() > 0
                && c.getAsInt() < ONE_MILLION).orElse(java.util.OptionalInt.empty());
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        Map<String, String> ambient = context.ambientEnv();
        String subagent = ambient.get(SUBAGENT);
        String force = ambient.get(SUBAGENT_FORCE);
        boolean forced = force != null && !force.isEmpty() && !force.equals("0") && !force.equalsIgnoreCase("false");
        if (forced) {
            context.note("your " + SUBAGENT_FORCE + "=" + force + " puts every subagent, Explore included, on "
                    + (subagent == null || subagent.isEmpty() ? "one model" : subagent) + ", overriding the tiers; unset it "
                    + "to let Explore run on the small tier");
        } else if (subagent != null && !subagent.isEmpty()) {
            context.note("your " + SUBAGENT + "=" + subagent + " sends every subagent, Explore included, to that model on "
                    + "Claude Code up to 2.1.250 (later versions keep Explore on the small tier); unset it to let each "
                    + "subagent use its tier");
        }
        Map<String, String> env = new LinkedHashMap<>(tierEnv(plan));
        for (String own : List.of(MAX_CONTEXT, NO_1M)) {
            String theirs = ambient.get(own);
            if (env.containsKey(own) && theirs != null && !theirs.isEmpty()) {
                env.remove(NO_1M);
                env.remove(MAX_CONTEXT);
                context.note("keeping your " + own + "=" + theirs + " (the server reports a context of "
                        + contextWindow(plan).getAsInt() + " tokens for " + plan.model(Tier.LARGE) + ")");
                break;
            }
        }
        // The server's token, from the variable the user named (--api-key-env); the launcher writes it out only
        // as a reference to that variable, never as text.
        plan.apiKeyEnv().ifPresent(var -> {
            Map<String, String> withToken = new LinkedHashMap<>();
            env.forEach((k, v) -> {
                withToken.put(k, v);
                if (k.equals("ANTHROPIC_BASE_URL")) {
                    withToken.put("ANTHROPIC_AUTH_TOKEN", ambient.getOrDefault(var, ""));
                }
            });
            env.clear();
            env.putAll(withToken);
        });
        return env;
    }

    /** Claude Code speaks only Anthropic's Messages API. */
    @Override
    public WireApi wireApi() {
        return WireApi.ANTHROPIC_MESSAGES;
    }

    /**
     * Claude Code's settings files beat its environment: whatever they set against the launch's
     * routing goes again through {@code --settings} (see {@link RoutingGuard}). Then the
     * launcher's Explore ({@link ExploreAgent}), unless the user passes their own {@code --agents}:
     * then it is merged into theirs ({@link #toolArgs(TierPlan, LaunchContext)}).
     */
    @Override
    public List<String> tierArgs(TierPlan plan, LaunchContext context) {
        List<SettingsSource> files = ClaudeSettings.files(context);
        // The context window is a hint: a settings file's own value of it wins, as the user's env does.
        Map<String, String> routing = new LinkedHashMap<>(tierEnv(plan));
        routing.remove(MAX_CONTEXT);
        routing.remove(NO_1M);
        List<String> args = new ArrayList<>(new RoutingGuard(routing, tierVariables()).args(plan, context, files));
        if (!ExploreAgent.userHasAgents(context.toolArgs())) {
            args.add(ExploreAgent.FLAG);
            args.add(ExploreAgent.json());
        }
        AutoMode.advise(plan, context, files);
        return args;
    }

    /** The launch without a context (a plain mapping): the launcher's Explore. */
    @Override
    public List<String> tierArgs(TierPlan plan) {
        return List.of(ExploreAgent.FLAG, ExploreAgent.json());
    }

    /** The user's {@code --agents}, if any, merged with the launcher's Explore; everything else untouched. */
    @Override
    public List<String> toolArgs(TierPlan plan, LaunchContext context) {
        return ExploreAgent.merged(context.toolArgs(), context);
    }

    @Override
    public Map<String, Tier> tierVariables() {
        return Map.of(OPUS, Tier.LARGE, FABLE, Tier.LARGE, SONNET, Tier.MEDIUM, HAIKU, Tier.SMALL, SMALL_FAST, Tier.SMALL);
    }

    /** Every tier: the small tier runs the Explore subagent and the medium one the classifier, both through tool calls. */
    @Override
    public Set<Tier> tiersNeedingTools() {
        return EnumSet.allOf(Tier.class);
    }

    /**
     * Claude Code's system prompt and tool definitions alone are about 20k tokens, sent with every
     * request (the Explore subagent's too); 32k leaves room for the conversation.
     */
    @Override
    public int minimumContextTokens() {
        return 32768;
    }
}
