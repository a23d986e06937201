package dev.agentlaunch.core.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Whether the distinct tier models fit in the server's memory together. When they do not,
 * Ollama unloads one model to load another between turns, which makes every tier switch slow.
 * Sizes are the models' download sizes: what the weights take, before any context cache.
 *
 * @param models  the present models with a known size that run on the server itself
 * @param total   their sizes added up
 * @param budget  the memory available, or empty when unknown
 * @param skipped why the fit was not judged (remote host without {@code --memory}, ...), or null
 * @param cloud   the models that run on Ollama Cloud: they take no memory on the server
 */
public record MemoryFit(List<ModelStatus> models, long total, Optional<MemoryBudget> budget, String skipped,
                        List<String> cloud) {
    public MemoryFit {
        models = List.copyOf(models);
        cloud = List.copyOf(cloud);
    }

    /** Adds up the sizes of the models the server has and runs itself, and compares with the budget. */
    public static MemoryFit of(List<ModelStatus> statuses, Optional<MemoryBudget> budget, String skippedWhy) {
        List<ModelStatus> sized = statuses.stream().filter(m -> m.present() && !m.cloud() && m.size().isPresent()).toList();
        long total = sized.stream().mapToLong(m -> m.size().getAsLong()).sum();
        List<String> cloud = statuses.stream().filter(ModelStatus::cloud).map(ModelStatus::name).toList();
        return new MemoryFit(sized, total, budget, budget.isPresent() ? null : skippedWhy, cloud);
    }

    public boolean judged() {
        return budget.isPresent();
    }

    /** True unless a budget is known and the models exceed it. */
    public boolean fits() {
        return budget.isEmpty() || total <= budget.get().bytes();
    }

    public OptionalLong budgetBytes() {
        return budget.map(b -> OptionalLong.of(b.bytes())).orElse(OptionalLong.empty());
    }

    /** {@code 2.6 GB for 1 model of 25.8 GB GPU memory (nvidia-smi): fits}, or why it was skipped; cloud models named apart. */
    public String summary() {
        String cloudWords = cloud.isEmpty() ? "" : "; " + String.join(", ", cloud) + (cloud.size() == 1 ? " runs" : " run")
                + " on Ollama Cloud (no memory here)";
        if (budget.isEmpty()) {
            return "not checked: " + skipped + cloudWords;
        }
        if (models.isEmpty()) {
            return ByteSize.format(budget.get().bytes()) + " " + budget.get().source() + " for models" + cloudWords;
        }
        return ByteSize.format(total) + " for " + models.size() + (models.size() == 1 ? " model" : " models") + " of "
                + ByteSize.format(budget.get().bytes()) + " " + budget.get().source() + (fits() ? ": fits" : ": DOES NOT FIT")
                + cloudWords;
    }

    /** The over-budget warning: each model's size, the total, the budget and what to do. */
    public Optional<String> warning() {
        if (fits()) {
            return Optional.empty();
        }
        String budgetWords = ByteSize.format(budget.get().bytes()) + " (" + budget.get().source() + ")";
        if (models.size() == 1) {
            ModelStatus m = models.get(0);
            return Optional.of(m.name() + " needs " + ByteSize.format(total) + " but the server has " + budgetWords
                    + ": Ollama will run part of it on the CPU, which is slow; use a smaller model (or a smaller quantization)");
        }
        String each = models.stream().map(m -> m.name() + " " + ByteSize.format(m.size().getAsLong()))
                .collect(Collectors.joining(", "));
        return Optional.of("the tier models need " + ByteSize.format(total) + " together (" + each + ") but the server has "
                + budgetWords + ": Ollama will swap models "
                + "between turns, which is slow; use a smaller small-tier model, fewer distinct models (e.g. --model for "
                + "every tier), or set OLLAMA_MAX_LOADED_MODELS=1 on the server");
    }
}
