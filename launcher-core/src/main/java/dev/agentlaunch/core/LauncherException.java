package dev.agentlaunch.core;

/**
 * A failure the user can act on: a one-line message (what is wrong, what to do) and the exit
 * code DESIGN.md documents for it. Printed without a stack trace unless {@code --debug}.
 */
public class LauncherException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public LauncherException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public LauncherException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static LauncherException usage(String message) {
        return new LauncherException(ExitCode.USAGE, message);
    }

    public static LauncherException notReady(String message) {
        return new LauncherException(ExitCode.NOT_READY, message);
    }

    public static LauncherException plugin(String message) {
        return new LauncherException(ExitCode.PLUGIN, message);
    }
}
