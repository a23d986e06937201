package dev.agentlaunch.api;

/**
 * Thrown by an integration when a launch must not go ahead because of what the user asked for
 * (e.g. tool arguments that fight the tier routing). The message is one line that says what is
 * wrong and what to do; the launcher prints it as is and exits with status 2.
 */
public class LaunchRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: what is wrong and what to do */
    public LaunchRefusedException(String message) {
        super(message);
    }
}
