package dev.agentlaunch.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON reading and writing for plugins, done by the launcher (Jackson's streaming parser and
 * generator, cheap at start-up), so no plugin writes a parser or carries its own Jackson.
 * A tool's inline config or settings file is built as plain maps and lists and written with
 * {@link #write(Object)}; a user's JSON is read with {@link #parse(String)}.
 *
 * <p>Values are {@code Map<String, Object>} (mutable, keys in document order), {@code List<Object>}
 * (mutable), {@code String}, {@code Number}, {@code Boolean} and {@code null}.
 *
 * @since 1.2.0
 */
public interface Json {

    /**
     * The launcher's implementation. Works inside the launcher and wherever launcher-core is on
     * the class path (a plugin's tests).
     *
     * @throws IllegalStateException when no launcher is present
     */
    static Json host() {
        return JsonHost.INSTANCE.get();
    }

    /**
     * One JSON value from strict JSON text.
     *
     * @throws JsonSyntaxException when {@code text} is not one JSON value
     */
    Object parse(String text);

    /**
     * Like {@link #parse(String)}, also accepting comments and trailing commas (JSONC, as
     * OpenCode and VS Code-style settings files allow).
     *
     * @throws JsonSyntaxException when {@code text} is not one JSONC value
     */
    Object parseJsonc(String text);

    /**
     * A user's inline config, the value of an environment variable such as
     * {@code OPENCODE_CONFIG_CONTENT}, read as a JSONC object for the launcher's keys to be merged
     * into. Null or blank reads as a new empty object.
     *
     * @param variable the variable's name, for the message
     * @param value    its value, or null when unset
     * @return the object (mutable, keys in document order)
     * @throws LaunchRefusedException when the value is not a JSONC object: one line naming the
     *                                variable, the reason, and to fix or unset it
     * @since 1.3.0
     */
    default Map<String, Object> parseInlineConfig(String variable, String value) {
        if (value == null || value.isBlank()) {
            return new LinkedHashMap<>();
        }
        Object node;
        try {
            node = parseJsonc(value);
        } catch (JsonSyntaxException e) {
            throw new LaunchRefusedException("your " + variable + " is not valid JSON (" + e.getMessage()
                    + "); fix it or unset it for this launch");
        }
        if (!(node instanceof Map)) {
            throw new LaunchRefusedException("your " + variable + " is not a JSON object; fix it or unset it for this launch");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) node;
        return root;
    }

    /**
     * Compact JSON text of a value built from maps, lists (or arrays), strings, numbers,
     * booleans and {@code null}; any other object is written as its {@code toString()}.
     */
    String write(Object value);

    /** Text that is not JSON: the message is one line with the reason and where. */
    final class JsonSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** @param message one line: the reason, and the line and column where it was found */
        public JsonSyntaxException(String message) {
            super(message);
        }
    }
}
