package dev.agentlaunch.core.server;

/**
 * One entry of {@code GET /api/tags}.
 *
 * @param size   its size in bytes: roughly what it needs in memory, unless it is remote
 * @param remote the entry names a {@code remote_host}: a stub of a model that runs elsewhere
 *               (an Ollama Cloud model pulled with its {@code -cloud} tag), needing no memory here
 */
public record ListedModel(long size, boolean remote) {
}
