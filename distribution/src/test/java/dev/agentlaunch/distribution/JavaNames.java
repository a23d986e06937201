package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user-facing message never names a Java class: an exception's simple name
 * ({@code UnknownHostException}, {@code LinkageError}) or a qualified name ({@code java.net...},
 * {@code com.fasterxml...}) means nothing to someone who wants to start an agent.
 */
final class JavaNames {
    private static final Pattern JAVA = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\b(java|javax|jdk|sun|picocli|org\\.pf4j|com\\.fasterxml)\\.[a-z]");

    private JavaNames() {
    }

    static void assertNone(String userText, String what) {
        Matcher m = JAVA.matcher(userText);
        assertFalse(m.find(), () -> what + ": a Java name ('" + m.group() + "') in what the user sees: " + userText);
    }
}
