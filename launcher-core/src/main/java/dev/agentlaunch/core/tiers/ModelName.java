package dev.agentlaunch.core.tiers;

import dev.agentlaunch.core.LauncherException;
import java.util.regex.Pattern;

/**
 * Ollama's model name grammar, {@code [host[:port]/][namespace/]model[:tag]}, checked before
 * anything runs so a typo fails here and not twenty seconds into a session.
 */
public final class ModelName {
    private static final String PART = "[A-Za-z0-9][A-Za-z0-9._-]{0,79}";
    private static final Pattern NAME = Pattern.compile(
            "(?:[A-Za-z0-9][A-Za-z0-9._-]{0,349}(?::[0-9]{1,5})?/)?"   // host[:port]/
            + "(?:" + PART + "/)?"                                      // namespace/
            + PART                                                      // model
            + "(?::" + PART + ")?");                                    // :tag

    private ModelName() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Returns the name, or fails with exit 2 naming the flag it came from. */
    public static String require(String name, String origin) {
        if (name == null || name.isBlank()) {
            throw LauncherException.usage(origin + " needs a model name, e.g. " + origin + " qwen3:4b");
        }
        if (!isValid(name)) {
            throw LauncherException.usage("invalid model name '" + printable(name) + "' for " + origin
                    + ": expected [host/][namespace/]model[:tag], e.g. qwen3:4b");
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
