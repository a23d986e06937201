package dev.agentlaunch.core;

/** The launcher's own exit codes (README "Exit codes"); after a launch it exits with the tool's. */
public final class ExitCode {
    public static final int OK = 0;
    /** A bug in the launcher. */
    public static final int INTERNAL = 1;
    /** Bad usage or bad input: unknown flag, invalid model name, no model for any tier. */
    public static final int USAGE = 2;
    /** The environment is not ready: server down, tool not installed, model missing. */
    public static final int NOT_READY = 3;
    /** A plugin failed to load or misbehaved. */
    public static final int PLUGIN = 4;

    private ExitCode() {
    }
}
