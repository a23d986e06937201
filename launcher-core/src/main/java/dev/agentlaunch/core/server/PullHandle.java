package dev.agentlaunch.core.server;

import dev.agentlaunch.core.LauncherException;
import java.net.HttpURLConnection;

/**
 * Cancels a running pull from another thread (the Ctrl-C handler): closing the connection
 * unblocks the reader, which then ends with a one-line "cancelled" instead of an I/O error.
 */
public final class PullHandle {
    /** 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C. */
    public static final int CANCELLED_EXIT = 130;

    private volatile boolean cancelled;
    private volatile HttpURLConnection connection;

    void attach(HttpURLConnection c) {
        connection = c;
        if (cancelled) {
            c.disconnect();
        }
    }

    public void cancel() {
        cancelled = true;
        HttpURLConnection c = connection;
        if (c != null) {
            c.disconnect();     // closes the socket: a reader blocked on the next line wakes up with an IOException
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    LauncherException cancelled(String model) {
        return new LauncherException(CANCELLED_EXIT, "pull of " + model + " cancelled; nothing was launched "
                + "(the server keeps what it downloaded: run the same command again to resume)");
    }
}
