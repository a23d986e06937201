package dev.agentlaunch.core.server;

import dev.agentlaunch.core.LauncherException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A server's token, named by an environment variable ({@code --api-key-env VAR}, {@code apiKeyEnv}
 * in a config server entry). The launcher never takes the token itself as an argument (it would
 * sit in shell history and in {@code ps}), never writes it and never prints it: {@link #toString()}
 * names the variable only.
 *
 * @param variable the variable's name
 * @param value    the token (never printed)
 * @param source   where the variable's name came from, for messages ({@code --api-key-env})
 */
public record ApiKey(String variable, String value, String source) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Shapes of real tokens: vendor prefixes, or a long run of mixed letters and digits without a word break. */
    private static final Pattern TOKEN_SHAPED = Pattern.compile("(?i)(sk|pk|rk|hf|ghp|gho|xox[a-z])[-_].*|[A-Za-z0-9]{24,}");

    /**
     * The token named by {@code variable}, if one is named.
     *
     * @throws LauncherException exit 2 for something that is not a variable name (a token pasted
     *                           where the name belongs is refused without being echoed); exit 3 when the variable is
     *                           unset or empty
     */
    public static Optional<ApiKey> resolve(String variable, String source, Map<String, String> env) {
        if (variable == null) {
            return Optional.empty();
        }
        if (!NAME.matcher(variable).matches() || looksLikeToken(variable)) {
            // Never echo it: it may be the token itself.
            throw LauncherException.usage(source + " takes the name of an environment variable that holds the token, and "
                    + "what was given " + (looksLikeToken(variable) ? "looks like a token (it would sit in your shell history)"
                    : "is not a variable name")
                    + "; put the token in a variable (export TEAM_TOKEN=...) and pass " + source + " TEAM_TOKEN");
        }
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw LauncherException.notReady(source + " names " + variable + ", which is " + (value == null ? "not set" : "empty")
                    + "; export " + variable + " with the server's token first");
        }
        return Optional.of(new ApiKey(variable, value.strip(), source));
    }

    static boolean looksLikeToken(String s) {
        return TOKEN_SHAPED.matcher(s).matches() && !(s.equals(s.toUpperCase(java.util.Locale.ROOT)) && s.contains("_"));
    }

    @Override
    public String toString() {
        return "ApiKey[" + variable + "]";
    }
}
