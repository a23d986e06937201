package dev.agentlaunch.core.auto;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.server.ByteSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The {@code --auto} rule (README "Choosing the tiers for you"), a pure function of the server's
 * models and the request: the same models give the same plan, whatever order the server lists them in.
 *
 * <ol>
 *   <li>Candidates: models that can complete (embedding-only never), with tool calling for the
 *       tiers the tool drives through tools (when the server reports capabilities), at least the
 *       tool's minimum context (when known), that fit the memory budget alone (when known), and
 *       local unless cloud models were asked for.</li>
 *   <li>Size is the parameter count; when no candidate reports one, the size in bytes; when none
 *       does either, the name alone. A candidate without the figure the others have is skipped.</li>
 *   <li>Large: the biggest candidate. Small: the smallest.</li>
 *   <li>Medium: among the candidates strictly between large and small, those that stay loaded
 *       beside them (all three within the budget) when the budget is known; of these, the one
 *       nearest the geometric middle of large and small (32B and 4B: about 11B, so 14B beats 8B).
 *       None between, or none that fits beside them: the large tier's model (no extra memory,
 *       and the launcher's fallback rule for an empty tier).</li>
 *   <li>Ties: the longer context, then the smaller download, then the name in alphabetical order.</li>
 * </ol>
 */
public final class AutoSelector {
    /** How the candidates are ordered by size. */
    private enum Measure { PARAMETERS, BYTES, NAME }

    /** Among equals: the longer context, then the smaller download, then the name. */
    private static final Comparator<ModelCandidate> PREFERENCE = Comparator
            .<ModelCandidate>comparingLong(m -> -m.contextLength().orElse(-1))
            .thenComparingLong(m -> m.localBytes().orElse(Long.MAX_VALUE))
            .thenComparing(ModelCandidate::name);

    /**
     * @throws LauncherException exit 3, one line, when a tier to fill has no candidate
     */
    public AutoChoice select(List<ModelCandidate> listed, AutoRequest req) {
        List<ModelCandidate> models = distinctByName(listed);
        Map<String, String> excluded = new TreeMap<>();        // model → why it is no candidate at all
        for (ModelCandidate m : models) {
            reason(m, req).ifPresent(why -> excluded.put(m.name(), why));
        }
        List<ModelCandidate> usable = models.stream().filter(m -> !excluded.containsKey(m.name())).toList();
        Measure measure = usable.stream().anyMatch(m -> m.parameters().isPresent()) ? Measure.PARAMETERS
                : usable.stream().anyMatch(m -> m.sizeBytes().isPresent() && !m.remote()) ? Measure.BYTES : Measure.NAME;
        for (ModelCandidate m : usable) {
            if (measure == Measure.PARAMETERS && m.parameters().isEmpty()) {
                excluded.put(m.name(), "parameter count unknown");
            } else if (measure == Measure.BYTES && (m.sizeBytes().isEmpty() || m.remote())) {
                excluded.put(m.name(), "size unknown");
            }
        }
        Map<Tier, List<ModelCandidate>> eligible = new EnumMap<>(Tier.class);
        Map<String, Set<Tier>> noTools = new TreeMap<>();
        for (Tier tier : req.toFill()) {
            List<ModelCandidate> list = new ArrayList<>();
            for (ModelCandidate m : models) {
                if (excluded.containsKey(m.name())) {
                    continue;
                }
                if (req.toolTiers().contains(tier) && m.capabilitiesKnown() && !m.supportsTools()) {
                    noTools.computeIfAbsent(m.name(), n -> new LinkedHashSet<>()).add(tier);
                } else {
                    list.add(m);
                }
            }
            eligible.put(tier, list);
        }
        List<AutoChoice.Skip> skipped = skips(models, excluded, noTools, req);
        for (Tier tier : req.toFill()) {
            if (eligible.get(tier).isEmpty()) {
                throw noCandidate(tier, models, skipped, req);
            }
        }

        ToLongFunction<ModelCandidate> size = switch (measure) {
            case PARAMETERS -> m -> m.parameters().getAsLong();
            case BYTES -> m -> m.sizeBytes().getAsLong();
            case NAME -> m -> 0;
        };
        Map<Tier, AutoChoice.Pick> picks = new EnumMap<>(Tier.class);
        ModelCandidate large = find(models, req.fixed().get(Tier.LARGE));
        if (req.toFill().contains(Tier.LARGE)) {
            List<ModelCandidate> c = eligible.get(Tier.LARGE);
            large = c.stream().sorted(Comparator.comparingLong(size).reversed().thenComparing(PREFERENCE)).findFirst().orElseThrow();
            picks.put(Tier.LARGE, new AutoChoice.Pick(large.name(), c.size() == 1 ? "the only model that suits"
                    : measure == Measure.NAME ? "sizes unknown: the first by name"
                    : "the biggest (" + words(large, measure) + ")" + fitsAlone(large, req)));
        }
        ModelCandidate small = find(models, req.fixed().get(Tier.SMALL));
        if (req.toFill().contains(Tier.SMALL)) {
            List<ModelCandidate> c = eligible.get(Tier.SMALL);
            small = c.stream().sorted(Comparator.comparingLong(size).thenComparing(PREFERENCE)).findFirst().orElseThrow();
            picks.put(Tier.SMALL, new AutoChoice.Pick(small.name(), c.size() == 1 ? "the only model that suits"
                    : measure == Measure.NAME ? "sizes unknown: the first by name" : "the smallest (" + words(small, measure) + ")"));
        }
        if (req.toFill().contains(Tier.MEDIUM)) {
            picks.put(Tier.MEDIUM, medium(eligible.get(Tier.MEDIUM), large, small, req, measure, size));
        }
        return new AutoChoice(picks, skipped, req.budget());
    }

    private static AutoChoice.Pick medium(List<ModelCandidate> eligible, ModelCandidate large, ModelCandidate small,
                                          AutoRequest req, Measure measure, ToLongFunction<ModelCandidate> size) {
        String largeModel = large != null ? large.name() : req.fixed().get(Tier.LARGE);
        boolean largeKnown = large != null && measure != Measure.NAME;
        boolean smallKnown = small != null && measure != Measure.NAME;
        List<ModelCandidate> between = eligible.stream()
                .filter(m -> !sameModel(m, large) && !sameModel(m, small))
                .filter(m -> measure != Measure.NAME)
                .filter(m -> !largeKnown || size.applyAsLong(m) < size.applyAsLong(large))
                .filter(m -> !smallKnown || size.applyAsLong(m) > size.applyAsLong(small))
                .toList();
        if (between.isEmpty()) {
            return new AutoChoice.Pick(largeModel, "no model between large and small: the large tier's model");
        }
        // What large and small need together; unknown (never zero) when the server does not tell a size.
        OptionalLong resident = OptionalLong.of(0);
        Set<String> counted = new LinkedHashSet<>();
        for (Tier tier : new Tier[] {Tier.LARGE, Tier.SMALL}) {
            ModelCandidate anchor = tier == Tier.LARGE ? large : small;
            String name = anchor != null ? anchor.name() : req.fixed().get(tier);     // a named model the server does not list
            if (name == null || !counted.add(name)) {
                continue;
            }
            resident = anchor == null || anchor.localBytes().isEmpty() || resident.isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(resident.getAsLong() + anchor.localBytes().getAsLong());
        }
        List<ModelCandidate> fitting = between;
        if (req.budget().isPresent() && resident.isPresent()) {
            long room = req.budget().get().bytes() - resident.getAsLong();
            // A model of unknown size may fit or not: kept, and the pick says the fit is unknown.
            fitting = between.stream().filter(m -> m.localBytes().isEmpty() || m.localBytes().getAsLong() <= room).toList();
            if (fitting.isEmpty()) {
                return new AutoChoice.Pick(largeModel, "no model between large and small fits beside them in "
                        + ByteSize.format(req.budget().get().bytes()) + ": the large tier's model");
            }
        }
        Comparator<ModelCandidate> order;
        if (largeKnown && smallKnown) {
            double middle = Math.sqrt((double) size.applyAsLong(large) * size.applyAsLong(small));
            order = Comparator.<ModelCandidate>comparingDouble(m -> Math.abs(Math.log(Math.max(1, size.applyAsLong(m)) / middle)))
                    .thenComparing(Comparator.comparingLong(size).reversed()).thenComparing(PREFERENCE);
        } else {
            order = Comparator.comparingLong(size).reversed().thenComparing(PREFERENCE);
        }
        ModelCandidate pick = fitting.stream().sorted(order).findFirst().orElseThrow();
        String why = "between large and small, " + (largeKnown && smallKnown ? "nearest their middle" : "the biggest")
                + " (" + words(pick, measure) + ")";
        if (req.budget().isPresent()) {
            boolean allLoaded = pick.loaded() && (large == null || large.loaded()) && (small == null || small.loaded());
            why += resident.isPresent() && pick.localBytes().isPresent()
                    ? "; the three need " + ByteSize.format(resident.getAsLong() + pick.localBytes().getAsLong()) + " of "
                    + ByteSize.format(req.budget().get().bytes())
                    : allLoaded ? "; sizes not told, but the server has the three loaded"
                    : "; memory fit unknown (the server does not tell every size)";
        }
        return new AutoChoice.Pick(pick.name(), why);
    }

    /** {@code  that fits alone in 48 GB}, or what is unknown about it; nothing without a budget. */
    private static String fitsAlone(ModelCandidate m, AutoRequest req) {
        if (req.budget().isEmpty()) {
            return "";
        }
        return m.localBytes().isPresent() ? " that fits alone in " + ByteSize.format(req.budget().get().bytes())
                : m.loaded() ? "; size not told, but the server has it loaded" : "; memory fit unknown (size not told)";
    }

    /** Why a model is no candidate for any tier, if it is not. */
    static Optional<String> reason(ModelCandidate m, AutoRequest req) {
        if (m.cannotComplete()) {
            return Optional.of(m.capabilities().contains("embedding") ? "embedding only"
                    : "cannot complete (capabilities: " + String.join(", ", m.sortedCapabilities()) + ")");
        }
        if (m.remote() && !req.cloud()) {
            return Optional.of("cloud model (--auto=cloud uses them)");
        }
        if (req.minimumContext() > 0 && m.contextLength().isPresent() && m.contextLength().getAsInt() < req.minimumContext()) {
            return Optional.of("context " + m.contextLength().getAsInt() + " < " + req.minimumContext());
        }
        if (req.budget().isPresent() && m.localBytes().isPresent() && m.localBytes().getAsLong() > req.budget().get().bytes()) {
            return Optional.of("needs " + ByteSize.format(m.localBytes().getAsLong()) + ", over the "
                    + ByteSize.format(req.budget().get().bytes()) + " memory");
        }
        return Optional.empty();
    }

    private static List<AutoChoice.Skip> skips(List<ModelCandidate> models, Map<String, String> excluded,
                                               Map<String, Set<Tier>> noTools, AutoRequest req) {
        List<AutoChoice.Skip> skips = new ArrayList<>();
        for (ModelCandidate m : models) {
            if (excluded.containsKey(m.name())) {
                skips.add(new AutoChoice.Skip(m.name(), excluded.get(m.name())));
            } else if (noTools.containsKey(m.name())) {
                Set<Tier> tiers = noTools.get(m.name());
                skips.add(new AutoChoice.Skip(m.name(), "no tool calling" + (tiers.equals(req.toFill()) ? ""
                        : " (" + tiers.stream().map(Tier::id).collect(Collectors.joining(", ")) + ")")));
            }
        }
        return skips;
    }

    private static LauncherException noCandidate(Tier tier, List<ModelCandidate> models, List<AutoChoice.Skip> skipped,
                                                 AutoRequest req) {
        if (models.isEmpty()) {
            return LauncherException.notReady(req.where() + " has no models; " + req.addHint()
                    + ", or name the tiers with --large, --medium and --small");
        }
        List<String> reasons = skipped.stream().map(s -> s.model() + ": " + s.why()).toList();
        String list = reasons.size() <= 5 ? String.join(", ", reasons)
                : String.join(", ", reasons.subList(0, 5)) + " and " + (reasons.size() - 5) + " more";
        boolean toolsOnly = skipped.stream().allMatch(s -> s.why().startsWith("no tool calling") || s.why().equals("embedding only"));
        if (toolsOnly) {
            return LauncherException.notReady("no tool-capable model on " + req.where() + " for the " + tier.id() + " tier ("
                    + list + "); " + req.addHint());
        }
        boolean cloudSkipped = skipped.stream().anyMatch(s -> s.why().startsWith("cloud model"));
        return LauncherException.notReady("no model on " + req.where() + " suits " + req.toolName() + "'s " + tier.id()
                + " tier (" + list + "); " + (cloudSkipped ? "pass --auto=cloud to use its cloud models, or " : "")
                + req.addHint());
    }

    private static String words(ModelCandidate m, Measure measure) {
        return measure == Measure.PARAMETERS ? m.parameterWords() : m.sizeWords();
    }

    private static boolean sameModel(ModelCandidate a, ModelCandidate b) {
        return b != null && a.name().equals(b.name());
    }

    /** The listed model of a named tier (matched as the server matches names), or null. */
    static ModelCandidate find(List<ModelCandidate> models, String name) {
        if (name == null) {
            return null;
        }
        String key = key(name);
        return models.stream().filter(m -> key(m.name()).equals(key)).findFirst().orElse(null);
    }

    /** One candidate per name (a server may list a model twice), in name order: the listing's order never matters. */
    private static List<ModelCandidate> distinctByName(List<ModelCandidate> listed) {
        Map<String, ModelCandidate> byKey = new TreeMap<>();
        listed.stream().sorted(Comparator.comparing(ModelCandidate::name)).forEach(m -> byKey.putIfAbsent(key(m.name()), m));
        List<ModelCandidate> models = new ArrayList<>(byKey.values());
        models.sort(Comparator.comparing(ModelCandidate::name));
        return models;
    }

    /** Ollama's matching: case-insensitive, no tag means {@code :latest}. */
    private static String key(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        int slash = n.lastIndexOf('/');
        return n.indexOf(':', slash + 1) >= 0 ? n : n + ":latest";
    }
}
