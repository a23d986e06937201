package dev.agentlaunch.core.server;

/**
 * The memory the server machine can give the models.
 *
 * @param bytes  how much
 * @param source where the figure came from: {@code --memory}, {@code GPU memory (nvidia-smi)}, ...
 */
public record MemoryBudget(long bytes, String source) {
}
