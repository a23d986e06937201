package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.auto.AutoRequest;
import dev.agentlaunch.core.auto.AutoSelector;
import dev.agentlaunch.core.auto.ModelCandidate;
import dev.agentlaunch.core.auto.ModelCatalog;
import dev.agentlaunch.core.config.ConfigLocation;
import dev.agentlaunch.core.config.ConfigReader;
import dev.agentlaunch.core.config.Profile;
import dev.agentlaunch.core.config.ProfileStore;
import dev.agentlaunch.core.picker.ModelPicker;
import dev.agentlaunch.core.server.ByteSize;
import dev.agentlaunch.core.server.CheckRequirements;
import dev.agentlaunch.core.server.MemoryBudget;
import dev.agentlaunch.core.server.ServerAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code launch claude} with no model at all, on a terminal: a list of the server's models per tier,
 * the cursor on what {@code --auto} would choose; then an offer to save the choice as a profile.
 */
final class PickerFlow {
    /** Exit code of a choice the user cancelled: as for Ctrl-C during a pull. */
    static final int CANCELLED = 130;

    private final CliContext context;
    private final ModelPicker picker;

    PickerFlow(CliContext context, ModelPicker picker) {
        this.context = context;
        this.picker = picker;
    }

    /**
     * @param addHint what would put a model on the server (the kind's {@code addModelHint})
     * @return the chosen model of every tier
     * @throws LauncherException exit 130 when the user cancels; exit 3 when the server has no models
     */
    Map<Tier, String> pick(Integration integration, ModelCatalog catalog, String addHint, CheckRequirements needs,
                           Optional<MemoryBudget> budget, ServerAddress server) {
        List<ModelCandidate> models = new ArrayList<>(catalog.list());
        if (models.isEmpty()) {
            throw LauncherException.notReady("the model server at " + server.url() + " has no models; " + addHint
                    + ", or name the tiers with --large, --medium and --small");
        }
        models.sort(Comparator.comparingLong((ModelCandidate m) -> -m.parameters().orElse(-1)).thenComparing(ModelCandidate::name));
        AutoRequest request = new AutoRequest(Map.of(), needs.toolName(), needs.toolTiers(), needs.minimumContext(), budget, true,
                "the model server at " + server.url(), addHint);
        Map<Tier, String> preselected = new EnumMap<>(Tier.class);
        try {
            preselected.putAll(new AutoSelector().select(models, request).models());
        } catch (LauncherException e) {
            // no model suits every need: the list still shows them all, the cursor on the first
        }
        int width = Math.max(5, models.stream().mapToInt(m -> m.name().length()).max().orElse(5));
        List<String> lines = models.stream().map(m -> line(m, width, needs, budget)).toList();
        String columns = String.format(line(width), " ", "MODEL", "PARAMS", "SIZE", "TOOLS", "CONTEXT", "MEMORY");
        List<ModelPicker.Question> questions = new ArrayList<>();
        Map<Tier, String> roles = integration.tierRoles();
        for (Tier tier : Tier.values()) {
            String chosen = preselected.get(tier);
            int at = chosen == null ? 0 : indexOf(models, chosen);
            questions.add(new ModelPicker.Question(tier.id() + " tier: " + roles.getOrDefault(tier, ""), columns, lines,
                    models.stream().map(ModelCandidate::name).toList(), at));
        }
        Optional<List<Integer>> answer;
        try {
            answer = picker.choose(integration.displayName() + ": a model per tier from " + server.url()
                    + " (* loaded; up/down, Enter accepts, Ctrl-C cancels)", questions);
        } catch (IOException | RuntimeException e) {
            throw LauncherException.notReady("the model picker cannot use this terminal (" + e.getMessage()
                    + "); name the tiers with --large, --medium and --small, or pass --auto");
        }
        if (answer.isEmpty()) {
            throw new LauncherException(CANCELLED, "cancelled in the model picker: nothing was launched");
        }
        Map<Tier, String> picked = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            picked.put(tier, models.get(answer.get().get(tier.ordinal())).name());
        }
        return picked;
    }

    /** Asks for a profile name and saves the picked tiers under it; Enter alone saves nothing. */
    void offerToSave(Map<Tier, String> picked, ConfigOptions config) {
        context.reporter().err().print("Save these tiers as a profile? Name (Enter to skip): ");
        context.reporter().err().flush();
        String name = context.terminal().readLine().orElse("").trim();
        if (name.isEmpty()) {
            return;
        }
        try {
            ConfigLocation location = ProfileShowCommand.location(context, config);
            new ProfileStore(new ConfigReader()).save(location, name, new Profile(picked.get(Tier.LARGE), picked.get(Tier.MEDIUM),
                    picked.get(Tier.SMALL), null, null, null), false);
            context.reporter().note("saved profile '" + name + "' in " + location.path() + "; next time: --profile " + name);
        } catch (LauncherException e) {
            context.reporter().warn("profile not saved: " + e.getMessage());
        }
    }

    private static String line(ModelCandidate m, int width, CheckRequirements needs, Optional<MemoryBudget> budget) {
        String tools = !m.capabilitiesKnown() ? "?" : m.supportsTools() ? "yes" : m.cannotComplete() ? "embed" : "no";
        String context = m.contextLength().isPresent() ? m.contextLength().getAsInt() / 1024 + "k" : "?";
        if (needs.minimumContext() > 0 && m.contextLength().isPresent() && m.contextLength().getAsInt() < needs.minimumContext()) {
            context += "<" + needs.minimumContext() / 1024 + "k";
        }
        String fits = m.remote() ? "cloud" : budget.isEmpty() || m.sizeBytes().isEmpty() ? "?"
                : m.sizeBytes().getAsLong() <= budget.get().bytes() ? "fits" : "too big for " + ByteSize.format(budget.get().bytes());
        return String.format(line(width), m.loaded() ? "*" : " ", m.name(),
                m.parameterWords(), m.sizeWords(), tools, context, fits);
    }

    /** One model's line: loaded mark, name (padded to the longest), parameters, size, tools, context, memory fit. */
    private static String line(int width) {
        return "%s %-" + width + "s %6s %9s %-5s %8s  %s";
    }

    private static int indexOf(List<ModelCandidate> models, String name) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }
}
