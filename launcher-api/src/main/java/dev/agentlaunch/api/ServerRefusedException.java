package dev.agentlaunch.api;

/**
 * Thrown by a {@link ModelServer} when the server answered but refused or failed what was asked
 * (a pull of a name it does not know, a full disk). The message is one line that says what the
 * server said and what to do; the launcher prints it as is and exits with status 3 (environment
 * not ready). Errors of the {@link ServerConnection} itself are the launcher's own and need no
 * wrapping.
 *
 * @since 1.3.0
 */
public class ServerRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: what the server said and what to do */
    public ServerRefusedException(String message) {
        super(message);
    }
}
