package dev.agentlaunch.core.server;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs an action on Ctrl-C (SIGINT) instead of letting the JVM die mid-write, for as long as the
 * returned handle is open; closing it restores the previous handling. Where the JVM does not
 * allow it (a platform without SIGINT, {@code -Xrs}) the default handling stays.
 */
final class CtrlC implements AutoCloseable {
    private final Signal signal;
    private final SignalHandler previous;

    private CtrlC(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    static AutoCloseable onInterrupt(Runnable action) {
        try {
            Signal sigint = new Signal("INT");
            return new CtrlC(sigint, Signal.handle(sigint, s -> action.run()));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return () -> { };
        }
    }

    @Override
    public void close() {
        Signal.handle(signal, previous);
    }
}
