package dev.agentlaunch.core.output;

import dev.agentlaunch.core.server.ByteSize;
import dev.agentlaunch.api.PullEvent;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows a pull's progress on stderr: on a terminal, one redrawn bar per layer (percent, bytes,
 * rate); otherwise plain lines at every tenth of a layer and at each status change, so a log
 * stays short and readable.
 */
public final class PullProgress implements Consumer<PullEvent> {
    private static final int BAR = 20;

    private final PrintWriter err;
    private final boolean bar;
    private final String model;
    private final LongSupplier nanoTime;
    private final Map<String, Integer> lastTenth = new HashMap<>();
    private String status = "";
    private String layer;
    private long layerStart;
    private long layerStartBytes;
    private boolean lineOpen;

    /**
     * @param bar      true on a terminal: redraw a bar in place; false: plain lines
     * @param nanoTime the clock for the download rate
     */
    public PullProgress(PrintWriter err, boolean bar, String model, LongSupplier nanoTime) {
        this.err = err;
        this.bar = bar;
        this.model = model;
        this.nanoTime = nanoTime;
    }

    @Override
    public void accept(PullEvent e) {
        if (e.isDownload()) {
            download(e);
        } else if (!e.status().equals(status)) {
            status = e.status();
            endLine();
            err.println("launch: pulling " + model + ": " + e.status());
        }
        err.flush();
    }

    private void download(PullEvent e) {
        String shortDigest = e.digest().replaceFirst("^sha256:", "");
        shortDigest = shortDigest.substring(0, Math.min(12, shortDigest.length()));
        if (!e.digest().equals(layer)) {
            endLine();
            layer = e.digest();
            layerStart = nanoTime.getAsLong();
            layerStartBytes = e.completed();
        }
        status = e.status();
        int percent = (int) Math.min(100, e.completed() * 100 / e.total());
        if (bar) {
            int filled = percent * BAR / 100;
            long nanos = nanoTime.getAsLong() - layerStart;
            String rate = nanos > 0 && e.completed() > layerStartBytes
                    ? " " + ByteSize.format((long) ((e.completed() - layerStartBytes) * 1e9 / nanos)) + "/s" : "";
            // Kept under 80 columns (a wrapped line cannot be redrawn with \r): short name, 7-digit digest.
            String name = model.length() > 24 ? model.substring(0, 23) + "~" : model;
            err.print(String.format(Locale.ROOT, "\r%s %s [%s%s] %3d%% %s/%s%s\u001b[K", name, shortDigest.substring(0,
                    Math.min(7, shortDigest.length())), "#".repeat(filled), "-".repeat(BAR - filled), percent,
                    ByteSize.format(e.completed()), ByteSize.format(e.total()), rate));
            lineOpen = true;
        } else {
            int tenth = percent / 10;
            Integer last = lastTenth.get(e.digest());
            if (last == null || tenth > last) {
                lastTenth.put(e.digest(), tenth);
                // Ollama's parts are layers (sha256 digests); another kind's part may be the model itself.
                String part = e.digest().startsWith("sha256:") ? "layer " + shortDigest + " " : e.digest().equals(model) ? ""
                        : shortDigest + " ";
                err.println("launch: pulling " + model + ": " + part + percent + "% of " + ByteSize.format(e.total()));
            }
        }
    }

    /** Ends a bar line so what follows starts on a fresh line (also after Ctrl-C or an error). */
    public void endLine() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }
}
