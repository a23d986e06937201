package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.tiers.TierRequest;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** The tier flags. Their help text names what each tier drives in the command's tool. */
public class TierOptions {
    @Option(names = "--large", paramLabel = "MODEL", description = "Model for the large tier.")
    String large;

    @Option(names = "--medium", paramLabel = "MODEL", description = "Model for the medium tier.")
    String medium;

    @Option(names = "--small", paramLabel = "MODEL", description = "Model for the small tier.")
    String small;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model for every tier you do not name with its own flag.")
    String model;

    public Map<Tier, String> flags() {
        Map<Tier, String> m = new EnumMap<>(Tier.class);
        if (large != null) {
            m.put(Tier.LARGE, large);
        }
        if (medium != null) {
            m.put(Tier.MEDIUM, medium);
        }
        if (small != null) {
            m.put(Tier.SMALL, small);
        }
        return m;
    }

    public TierRequest request() {
        return TierRequest.ofFlags(flags(), model);
    }

    /** Rewrites the tier flags' help so each says what its tier drives in this tool, and lists them first. */
    static void describe(CommandSpec spec, Map<Tier, String> roles) {
        java.util.List<OptionSpec> others = new java.util.ArrayList<>(spec.options());
        others.forEach(spec::remove);
        for (Tier tier : Tier.values()) {
            OptionSpec old = others.stream().filter(o -> o.longestName().equals(tier.flag())).findFirst().orElseThrow();
            others.remove(old);
            String role = roles.getOrDefault(tier, "");
            String text = "Model for the " + tier.id() + " tier" + (role.isBlank() ? "." : ": " + role + ".");
            spec.addOption(OptionSpec.builder(old).description(text).build());
        }
        others.forEach(spec::addOption);
    }
}
