package dev.agentlaunch.core.process;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Signal handling while the JVM runs the tool as a child (no {@code bin/launch}).
 * SIGINT is ignored: the terminal already sends Ctrl-C to the whole foreground process group,
 * so the tool gets it once and decides; forwarding it too would make one Ctrl-C count twice.
 * SIGTERM and SIGHUP usually come to the launcher's pid alone (a supervisor, a closed
 * terminal): they are passed on to the tool as SIGTERM and the launcher keeps waiting, so it
 * never exits first and leaves the tool orphaned; its exit code is then the tool's.
 */
final class ChildSignals {
    private final AtomicReference<Process> child = new AtomicReference<>();
    private volatile boolean terminated;

    private ChildSignals() {
    }

    /** Starts the child with the handlers already in place, so no signal falls between the two. */
    static Process start(ProcessBuilder pb) throws IOException {
        ChildSignals signals = new ChildSignals();
        handle("INT", () -> { });
        handle("TERM", signals::terminate);
        handle("HUP", signals::terminate);
        Process p = pb.start();
        signals.child.set(p);
        if (signals.terminated) {
            p.destroy();   // arrived while the child was being started
        }
        return p;
    }

    private void terminate() {
        terminated = true;
        Process p = child.get();
        if (p != null) {
            p.destroy();   // SIGTERM on POSIX
        }
    }

    @SuppressWarnings("restriction")
    private static void handle(String name, Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // no such signal on this platform, or the JVM runs with -Xrs: nothing to install
        }
    }
}
