package dev.agentlaunch.plugins.codex;

import dev.agentlaunch.api.LaunchRefusedException;
import java.util.List;

/**
 * Refuses user arguments for Codex that would silently undo the tier routing: a model, a
 * profile or a provider of their own, or an override of a key the launcher sets. Codex applies
 * the last {@code -c} for a key, so such an argument would win without a word; the user gets
 * one line naming the launcher flag that does the same job instead.
 */
final class CodexArgsGuard {
    private CodexArgsGuard() {
    }

    static void check(List<String> toolArgs) {
        for (int i = 0; i < toolArgs.size(); i++) {
            String arg = toolArgs.get(i);
            if (arg.equals("--")) {
                return;     // the rest is Codex's prompt
            }
            if (arg.equals("-m") || arg.equals("--model") || arg.startsWith("--model=")
                    || (arg.startsWith("-m") && !arg.startsWith("--"))) {
                throw refuse(arg, "the launcher sets Codex's model from the large tier; use --large MODEL "
                        + "(or --model MODEL for every tier) instead");
            }
            if (arg.equals("-p") || arg.equals("--profile") || arg.startsWith("--profile=")
                    || (arg.startsWith("-p") && !arg.startsWith("--"))) {
                throw refuse(arg, "a Codex profile would replace the tier routing; use the launcher's --profile NAME "
                        + "or --large/--medium/--small instead");
            }
            if (arg.equals("--oss") || arg.equals("--local-provider") || arg.startsWith("--local-provider=")) {
                throw refuse(arg, "the launcher points Codex at the model server itself; use --host URL "
                        + "(or OLLAMA_HOST) to choose the server");
            }
            String override = configOverride(toolArgs, i);
            if (override != null) {
                String key = override.contains("=") ? override.substring(0, override.indexOf('=')).trim() : override.trim();
                String instead = tierFlagFor(key);
                if (instead != null) {
                    boolean separate = arg.equals("-c") || arg.equals("--config");
                    throw refuse(separate ? arg + " " + override : arg, instead);
                }
            }
        }
    }

    /** The {@code key=value} of a {@code -c}/{@code --config} argument at {@code i}, or null. */
    private static String configOverride(List<String> args, int i) {
        String arg = args.get(i);
        if (arg.equals("-c") || arg.equals("--config")) {
            return i + 1 < args.size() ? args.get(i + 1) : null;
        }
        if (arg.startsWith("--config=")) {
            return arg.substring("--config=".length());
        }
        if (arg.startsWith("-c") && !arg.startsWith("--")) {
            return arg.substring(2);
        }
        return null;
    }

    /** What to use instead of overriding {@code key}, or null when the key does not fight the tiers. */
    static String tierFlagFor(String key) {
        String k = key.replace("\"", "").replace("'", "");
        if (k.equals("model")) {
            return "the launcher sets Codex's model from the large tier; use --large MODEL instead";
        }
        if (k.equals("model_provider") || k.startsWith("model_providers.") || k.equals("model_providers")) {
            return "the launcher defines Codex's model provider itself; use --host URL (or OLLAMA_HOST) to choose the server";
        }
        if (k.equals("review_model") || k.startsWith("agents.worker.") || k.equals("agents.worker")) {
            return "the launcher sets that from the medium tier; use --medium MODEL instead";
        }
        if (k.startsWith("agents.explorer.") || k.equals("agents.explorer")) {
            return "the launcher sets that from the small tier; use --small MODEL instead";
        }
        if (k.equals("profile")) {
            return "a Codex profile would replace the tier routing; use the launcher's --profile NAME instead";
        }
        return null;
    }

    private static LaunchRefusedException refuse(String arg, String instead) {
        return new LaunchRefusedException("Codex argument '" + arg + "' fights the tier routing: " + instead);
    }
}
