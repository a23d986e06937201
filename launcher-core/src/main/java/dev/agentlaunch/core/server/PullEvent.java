package dev.agentlaunch.core.server;

/**
 * One line of {@code POST /api/pull}'s progress stream.
 *
 * @param status    what the server is doing: {@code pulling manifest}, {@code pulling <digest>}, {@code success}
 * @param digest    the layer being downloaded, or null
 * @param total     the layer's size in bytes, 0 when not a download line
 * @param completed bytes of the layer downloaded so far
 */
public record PullEvent(String status, String digest, long total, long completed) {
    /** True for a line reporting a layer's download progress. */
    public boolean isDownload() {
        return digest != null && total > 0;
    }
}
