package dev.agentlaunch.core.tiers;

import dev.agentlaunch.core.LauncherException;

/**
 * The launcher's check of a tier's model name, before anything runs, so a typo fails here and
 * not twenty seconds into a session. What counts as a name is Ollama's rule,
 * {@link OllamaModelName}: exactly the names its server takes as a chat request's model.
 */
public final class ModelName {

    private ModelName() {
    }

    public static boolean isValid(String name) {
        return OllamaModelName.parse(name).valid();
    }

    /** True when the name itself says Ollama Cloud ({@code gpt-oss:20b:cloud}, {@code gpt-oss:20b-cloud}). */
    public static boolean isCloud(String name) {
        return OllamaModelName.parse(name).name().map(OllamaModelName::isCloud).orElse(false);
    }

    /** Returns the name, or fails with exit 2 naming the flag it came from and what is wrong. */
    public static String require(String name, String origin) {
        if (name == null || name.isBlank()) {
            throw LauncherException.usage(origin + " needs a model name, e.g. " + origin + " qwen3:4b");
        }
        OllamaModelName.Parsed parsed = OllamaModelName.parse(name);
        if (!parsed.valid()) {
            throw LauncherException.usage("invalid model name '" + printable(name) + "' for " + origin + ": "
                    + printable(parsed.problem()) + "; Ollama names look like [host/][namespace/]model[:tag][:cloud], e.g. qwen3:4b");
        }
        return name;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
