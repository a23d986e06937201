package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.tiers.TierRequest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The tier flags. On an integration's command their help names what each tier drives in its tool. */
public class TierOptions implements OptionGroup {
    private final Map<Tier, String> roles;
    private final Map<Tier, OptionSpec> tiers = new EnumMap<>(Tier.class);
    private OptionSpec model;
    private boolean offerAuto;
    private OptionSpec auto;

    /** Flags with the plain help text. */
    public TierOptions() {
        this(Map.of());
    }

    /** Flags whose help says what each tier drives in the tool: {@code roles} from the integration. */
    public TierOptions(Map<Tier, String> roles) {
        this.roles = roles;
    }

    /** These flags plus {@code --auto[=cloud]}, for the commands that can ask a server for its models. */
    public TierOptions withAuto() {
        offerAuto = true;
        return this;
    }

    @Override
    public void addTo(CommandSpec spec) {
        for (Tier tier : Tier.values()) {
            String role = roles.getOrDefault(tier, "");
            String text = "Model for the " + tier.id() + " tier" + (role.isBlank() ? "." : ": " + role + ".");
            tiers.put(tier, OptionGroup.add(spec, OptionSpec.builder(tier.flag()).paramLabel("MODEL").type(String.class)
                    .description(text).build()));
        }
        model = OptionGroup.add(spec, OptionSpec.builder("-m", "--model").paramLabel("MODEL").type(String.class)
                .description("Model for every tier you do not name with its own flag.").build());
        if (offerAuto) {
            auto = OptionGroup.add(spec, OptionSpec.builder("--auto").paramLabel("cloud").arity("0..1").type(String.class)
                    .fallbackValue("local").description("Choose the model of every tier you do not name from the server's: "
                            + "the biggest that fits for large, the smallest for small, one between for medium "
                            + "(tool calling, context and memory permitting). --auto=cloud may choose cloud models too.").build());
        }
    }

    /**
     * {@code --auto}: empty when not given, else whether cloud models may be chosen.
     *
     * @throws LauncherException exit 2 for a value other than {@code cloud}
     */
    public Optional<Boolean> auto() {
        String value = auto == null ? null : auto.getValue();
        if (value == null) {
            return Optional.empty();
        }
        if (!value.equals("local") && !value.equals("cloud")) {
            throw LauncherException.usage("--auto takes no value or 'cloud' (--auto=cloud also chooses cloud models), not '"
                    + value + "'");
        }
        return Optional.of(value.equals("cloud"));
    }

    /** The tiers named with their own flag. */
    public Map<Tier, String> flags() {
        Map<Tier, String> m = new EnumMap<>(Tier.class);
        tiers.forEach((tier, option) -> {
            String value = option.getValue();
            if (value != null) {
                m.put(tier, value);
            }
        });
        return m;
    }

    /** {@code --model}, or null. */
    public String model() {
        return model.getValue();
    }

    public TierRequest request() {
        return TierRequest.ofFlags(flags(), model());
    }
}
