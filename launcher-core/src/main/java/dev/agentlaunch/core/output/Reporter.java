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

    public Reporter(PrintWriter err, boolean quiet, boolean debug) {
        this.err = err;
        this.quiet = quiet;
        this.debug = debug;
    }

    public void note(String line) {
        if (!quiet) {
            err.println("launch: " + line);
            err.flush();
        }
    }

    public void warn(String line) {
        err.println("launch: warning: " + line);
        err.flush();
    }

    public void error(String line) {
        err.println("launch: error: " + line);
        err.flush();
    }

    public void debug(String line) {
        if (debug) {
            err.println("launch: debug: " + line);
            err.flush();
        }
    }

    public boolean isDebug() {
        return debug;
    }

    public PrintWriter err() {
        return err;
    }
}
