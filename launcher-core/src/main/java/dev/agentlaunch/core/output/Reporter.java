package dev.agentlaunch.core.output;

import java.io.PrintWriter;

/**
 * The launcher's voice on stderr: one line per note, warning or error, each prefixed with
 * {@code launch:}. {@code --quiet} silences notes (never warnings or errors); {@code --debug}
 * adds debug lines.
 */
public final class Reporter {
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean debug;

    private final boolean tips;

    public Reporter(PrintWriter err, boolean quiet, boolean debug) {
        this(err, quiet, debug, true);
    }

    private Reporter(PrintWriter err, boolean quiet, boolean debug, boolean tips) {
        this.err = err;
        this.quiet = quiet;
        this.debug = debug;
        this.tips = tips;
    }

    /**
     * This reporter, passing an integration's {@code tip: } notes (advice for a person in a
     * session) only when {@code person} is true: with no terminal there is no session to advise,
     * and a clean launch from a script stays silent.
     */
    public Reporter tipsOnlyIf(boolean person) {
        return person ? this : new Reporter(err, quiet, debug, false);
    }

    public void note(String line) {
        if (!tips && line.startsWith("tip: ")) {
            return;
        }
        if (!quiet) {
            err.println("launch: " + oneLine(line));
            err.flush();
        }
    }

    public void warn(String line) {
        err.println("launch: warning: " + oneLine(line));
        err.flush();
    }

    public void error(String line) {
        err.println("launch: error: " + oneLine(line));
        err.flush();
    }

    public void debug(String line) {
        if (debug) {
            err.println("launch: debug: " + oneLine(line));
            err.flush();
        }
    }

    /**
     * A message from elsewhere (a server, a plugin, an exception) as one line of words: every run
     * of whitespace, newlines included, becomes one space. {@link #oneLine} still escapes any
     * control character left when it is printed.
     */
    public static String flatten(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    /**
     * Every message is one line whatever it quotes (an argument or a variable with a newline, a
     * terminal escape): control characters are shown escaped, never sent to the terminal.
     */
    static String oneLine(String line) {
        StringBuilder s = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isISOControl(c)) {
                if (s == null) {
                    s = new StringBuilder(line.length() + 8).append(line, 0, i);
                }
                s.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\x%02x", (int) c);
                });
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? line : s.toString();
    }

    public boolean isDebug() {
        return debug;
    }

    public PrintWriter err() {
        return err;
    }
}
