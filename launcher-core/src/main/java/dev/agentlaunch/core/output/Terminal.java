package dev.agentlaunch.core.output;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Whether a person is at the other end: on a terminal the launcher may ask a question and draw a
 * progress bar; otherwise it never waits for an answer and prints plain lines. Tests pass their
 * own instead of depending on the test runner's terminal.
 */
public interface Terminal {

    /** True when stdin and stdout are a terminal. */
    boolean interactive();

    /** Reads one answer line from the user (the question is already printed), or empty at end of input. */
    Optional<String> readLine();

    /** The real one: {@link System#console()} exists only when stdin and stdout are a terminal (Java 17). */
    static Terminal system() {
        Console console = System.console();
        boolean interactive = isTerminal(console);
        return new Terminal() {
            @Override
            public boolean interactive() {
                return interactive;
            }

            @Override
            public Optional<String> readLine() {
                if (console != null) {
                    return Optional.ofNullable(console.readLine());
                }
                try {
                    return Optional.ofNullable(new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine());
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        };
    }

    /**
     * Some newer JDKs (22 to 24 by default) hand out a console even when the streams are redirected;
     * there {@code Console.isTerminal()} (Java 22+) tells. Asked reflectively: this is Java 17 code.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;                    // Java 17-21: a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Not a terminal: nothing is asked, no bar is drawn. */
    static Terminal none() {
        return scripted(false, List.of());
    }

    /** For tests: a terminal (or not) whose user answers with these lines, then end of input. */
    static Terminal scripted(boolean interactive, List<String> answers) {
        Deque<String> queue = new ArrayDeque<>(answers);
        return new Terminal() {
            @Override
            public boolean interactive() {
                return interactive;
            }

            @Override
            public Optional<String> readLine() {
                synchronized (queue) {
                    return Optional.ofNullable(queue.poll());
                }
            }
        };
    }
}
