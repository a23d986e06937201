package dev.agentlaunch.core.plugins;

import java.util.List;
import java.util.Optional;

/**
 * What plugin discovery found: the usable integrations (first claim of an id wins), the
 * plugins that failed with why, warnings (missing directories, id conflicts), and the server
 * kinds plugins add.
 */
public record IntegrationRegistry(List<LoadedIntegration> integrations, List<PluginProblem> problems,
                                  List<String> warnings, List<dev.agentlaunch.api.ModelServer> serverKinds) {
    public IntegrationRegistry {
        integrations = List.copyOf(integrations);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        serverKinds = List.copyOf(serverKinds);
    }

    /** Without server kinds from plugins. */
    public IntegrationRegistry(List<LoadedIntegration> integrations, List<PluginProblem> problems, List<String> warnings) {
        this(integrations, problems, warnings, List.of());
    }

    public Optional<LoadedIntegration> find(String id) {
        return integrations.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The failure of a plugin that would have provided {@code id}, if one did fail. */
    public Optional<PluginProblem> problemFor(String id) {
        return problems.stream().filter(p -> p.concerns(id)).findFirst();
    }

    /** Every failure concerning {@code id} (two plugins in one directory claiming it fail together). */
    public List<PluginProblem> problemsFor(String id) {
        return problems.stream().filter(p -> p.concerns(id)).toList();
    }
}
