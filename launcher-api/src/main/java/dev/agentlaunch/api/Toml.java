package dev.agentlaunch.api;

import java.util.regex.Pattern;

/**
 * TOML value and key forms for plugins whose tool reads TOML (a {@code -c key=value} override,
 * a config file in the launcher's state dir). Pure text formatting.
 *
 * @since 1.2.0
 */
public final class Toml {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private Toml() {
    }

    /** A TOML basic string: {@code "..."} with quotes, backslashes and control characters escaped. */
    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A key: bare when TOML allows it ({@code base_url}), else quoted ({@code "ollama/qwen3:4b"}). */
    public static String key(String key) {
        return BARE_KEY.matcher(key).matches() ? key : string(key);
    }
}
