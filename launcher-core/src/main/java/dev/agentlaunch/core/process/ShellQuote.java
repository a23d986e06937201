package dev.agentlaunch.core.process;

/** POSIX shell single-quoting: correct for any string without NUL (spaces, quotes, newlines). */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
