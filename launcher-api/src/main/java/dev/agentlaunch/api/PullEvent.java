package dev.agentlaunch.api;

/**
 * One step of a model pull's progress, as a {@link ModelServer} reports it to the launcher, which
 * shows it (a bar on a terminal, a line per tenth otherwise).
 *
 * @param status    what the server is doing, in its words: {@code pulling manifest}, {@code downloading}, {@code success}
 * @param digest    the part being downloaded (a layer digest, a file name), or null when this is not a download step
 * @param total     that part's size in bytes, 0 when not a download step
 * @param completed bytes of that part downloaded so far
 * @since 1.3.0
 */
public record PullEvent(String status, String digest, long total, long completed) {
    /** True for a step reporting a part's download progress. */
    public boolean isDownload() {
        return digest != null && total > 0;
    }
}
