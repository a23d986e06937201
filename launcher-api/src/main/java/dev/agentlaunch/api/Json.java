package dev.agentlaunch.api;

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
