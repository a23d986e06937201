package dev.agentlaunch.core.server;

import dev.agentlaunch.api.ServedModel;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.auto.ModelCandidate;
import dev.agentlaunch.core.auto.ModelCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The models of a server of any kind, as {@code --auto} and the picker see them, asked through the
 * kind's own {@code inspect}: once with no model to learn what it lists, once with every listed
 * model to learn what it says of each. A figure the server does not tell stays unknown (size,
 * capabilities, context), except the parameter count, which the name often states
 * ({@code Qwen/Qwen3-32B}). Ollama has a richer catalog of its own ({@link OllamaModelCatalog}).
 */
public final class ServerModelCatalog implements ModelCatalog {
    private final ServerTarget target;

    public ServerModelCatalog(ServerTarget target) {
        this.target = target;
    }

    @Override
    public List<ModelCandidate> list() {
        ServerFacts listing = join(target.inspect(Set.of()));
        List<String> names = new ArrayList<>(new LinkedHashSet<>(listing.listed()));
        if (names.isEmpty()) {
            return List.of();
        }
        ServerFacts facts = join(target.inspect(new LinkedHashSet<>(names)));
        List<ModelCandidate> models = new ArrayList<>();
        for (String name : names) {
            ServedModel m = facts.models().get(name);
            if (m != null && m.served()) {
                models.add(candidate(name, m));
            }
        }
        return models;
    }

    /** One listed model: the context it is served with when the server says, else its maximum. */
    static ModelCandidate candidate(String name, ServedModel m) {
        OptionalLong parameters = m.parameters().isPresent() ? m.parameters() : ModelCandidate.countInName(name);
        OptionalInt context = m.servedContext().isPresent() ? m.servedContext() : m.contextLength();
        return new ModelCandidate(name, parameters, m.sizeBytes(), m.capabilities(), context, false, m.loaded());
    }

    private static ServerFacts join(CompletableFuture<ServerFacts> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof LauncherException le) {
                throw le;
            }
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
