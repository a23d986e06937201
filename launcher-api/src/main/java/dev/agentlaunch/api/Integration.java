package dev.agentlaunch.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * One agent tool the launcher can start. A plugin contributes an integration by implementing
 * this interface in a class annotated with PF4J's {@code @Extension}; the launcher turns each
 * integration into a subcommand named by {@link #id()}.
 *
 * <p>Rules every implementation follows:
 * <ul>
 *   <li>{@link #tierEnv(TierPlan)} and {@link #tierArgs(TierPlan)} are deterministic functions
 *       of the plan (no clock, no randomness, no I/O), so {@code --dry-run} shows exactly what a
 *       launch does.</li>
 *   <li>Never write to the user's or the tool's files. A file the tool must read (a role file,
 *       say) goes through {@link LaunchContext#stateFiles()}, the launcher's own state dir.</li>
 *   <li>A tool with fewer than three tiers folds the missing ones predictably and says so in
 *       {@link #tierRoles()}.</li>
 * </ul>
 */
public interface Integration extends ExtensionPoint {

    /** The subcommand name, lower case: {@code claude}. */
    String id();

    /** The tool's human name: {@code Claude Code}. */
    String displayName();

    /** Executable names looked up on {@code PATH}, first match wins: {@code [claude]}. */
    List<String> executableNames();

    /**
     * Where the tool's own installer puts its executable, as directories relative to the user's
     * home, e.g. {@code [.local/bin, .claude/local]} for Claude Code's native and older local
     * installers. Installers often leave these off {@code PATH}; the launcher looks there (and in
     * npm's global bin dir) after {@code PATH}, and says where it found the tool. A directory
     * outside the home is ignored. Empty (the default) adds none.
     *
     * @since 1.2.0
     */
    default List<String> installDirs() {
        return List.of();
    }

    /**
     * One line telling the user how to install the tool: {@code npm install -g @anthropic-ai/claude-code}.
     * When it is exactly an {@code npm install -g PACKAGE...} command, the launcher can offer to run
     * it (on a terminal, after asking) when the tool is missing.
     */
    String installHint();

    /**
     * What each tier drives in this tool, for {@code --help}, {@code --dry-run} and
     * {@code list-integrations}: e.g. LARGE → "main conversation (ANTHROPIC_DEFAULT_OPUS_MODEL)".
     * Every tier has an entry; a folded tier says which tier it folds into.
     */
    Map<Tier, String> tierRoles();

    /** Environment variables for the tool's process: endpoint, auth placeholder, tier models. */
    Map<String, String> tierEnv(TierPlan plan);

    /** Arguments placed before the user's own arguments. */
    default List<String> tierArgs(TierPlan plan) {
        return List.of();
    }

    /**
     * The versions of the tool this integration was proven against (run end to end against a
     * model server), e.g. {@code [0.15.10, 0.24.4]}, oldest first. The first and the last element
     * bound the proven range: {@code list-integrations} and {@code doctor} show it and add a note
     * when the installed tool reports a version outside it (never an error: a newer tool may well
     * work); the launch path never checks. Empty (the default) means "not declared".
     *
     * @since 1.1.0
     */
    default List<String> provenToolVersions() {
        return List.of();
    }

    /**
     * Which of the variables from {@code tierEnv} carry which tier's model. The launcher uses it
     * for the environment policy: a tier variable whose model the user chose explicitly replaces
     * the same variable already in the user's environment, a derived one yields to it. Variables
     * not listed here (endpoint, auth) are always set for the child.
     */
    default Map<String, Tier> tierVariables() {
        return Map.of();
    }

    /**
     * Like {@link #tierEnv(TierPlan)}, with a read-only view of the user's world for the
     * integrations that must look at it (ambient variables, files under HOME, the user's own
     * arguments) and the launcher's state dir for files the tool must read. Still no writes to
     * any file of the user or the tool. The default ignores the context.
     *
     * @throws LaunchRefusedException when the launch cannot go ahead (e.g. the user's arguments
     *                                fight the tier routing); its message is shown as is
     */
    default Map<String, String> tierEnv(TierPlan plan, LaunchContext context) {
        return tierEnv(plan);
    }

    /**
     * Like {@link #tierArgs(TierPlan)}, with the launch context. The default ignores the context.
     *
     * @throws LaunchRefusedException when the launch cannot go ahead; its message is shown as is
     */
    default List<String> tierArgs(TierPlan plan, LaunchContext context) {
        return tierArgs(plan);
    }

    /**
     * The user's arguments as the tool receives them, after {@link #tierArgs(TierPlan, LaunchContext)}.
     * The default passes {@link LaunchContext#toolArgs()} on untouched. An integration overrides it
     * only to fold its own value into a flag of the user's that the tool reads once (the last one
     * wins), so that both reach the tool: Claude Code's {@code --agents} is the case. Every other
     * argument must pass through byte for byte, in order.
     *
     * @throws LaunchRefusedException when the user's argument cannot be merged (not valid input)
     * @since 1.2.0
     */
    default List<String> toolArgs(TierPlan plan, LaunchContext context) {
        return context.toolArgs();
    }

    /**
     * The tiers whose model must support tool calling. Before a launch the launcher asks the
     * server for each tier model's capabilities and warns (errors with {@code --strict}) when a
     * model in one of these tiers lacks {@code tools}: an agent drives its model through tool
     * calls, and a model without them answers with prose and the agent silently does nothing.
     * The default is every tier; a tool that sends only plain completions to a tier (titles,
     * say) may leave it out.
     */
    default Set<Tier> tiersNeedingTools() {
        return EnumSet.allOf(Tier.class);
    }

    /**
     * What keeps the installed tool from running on this machine, in one line with the fix (its
     * Node too old, say: see {@link ToolChecks#nodeProblem}), or empty. {@code list-integrations}
     * shows it next to the installed tool; a launch refuses through {@code tierEnv}/{@code tierArgs}
     * with the same line. May start a process (e.g. {@code node --version}). The default: none.
     *
     * @since 1.2.0
     */
    default java.util.Optional<String> runtimeProblem(LaunchContext context) {
        return java.util.Optional.empty();
    }

    /**
     * The context window, in tokens, the tool needs from every tier model (its system prompt and
     * tool definitions plus room to work). The launcher warns when a model's maximum, or the
     * context the server actually serves it with, is smaller. 0 (the default) declares no need.
     */
    default int minimumContextTokens() {
        return 0;
    }

    /**
     * The chat API the tool speaks to its model server. The launcher stops before the tool starts
     * when the server does not serve it, naming what would (a LiteLLM gateway in front, say). The
     * default is OpenAI chat completions, what most tools speak.
     *
     * @since 1.2.0
     */
    default WireApi wireApi() {
        return WireApi.OPENAI_CHAT;
    }

    /**
     * Whether the tool can send different tiers to different servers ({@link TierPlan#server(Tier)}),
     * e.g. one provider per server. When false (the default) and the user names a server per
     * tier, the launcher refuses and says how to put one gateway in front.
     *
     * @since 1.2.0
     */
    default boolean supportsServerPerTier() {
        return false;
    }
}
