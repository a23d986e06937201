package dev.agentlaunch.core.doctor;

import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.server.ServerReport;
import java.util.List;
import java.util.Optional;

/**
 * What {@code launch doctor} found.
 *
 * @param server      the server's address and where it came from
 * @param checks      the server checks, or empty when the server could not be asked
 * @param serverError why the server could not be asked, or null
 * @param tiers       the resolved tiers, or empty when no model was named
 * @param tool        the integration's tool, or empty when no integration was named
 * @param ambient     the user's variables and settings that would change the launch, one line each
 * @param offline     true when the server was not asked ({@code --offline})
 */
public record DoctorResult(ServerAddress server, Optional<ServerReport> checks, String serverError,
                           Optional<TierPlan> tiers, Optional<ToolStatus> tool, List<String> ambient, boolean offline) {
    public DoctorResult {
        ambient = List.copyOf(ambient);
    }

    /**
     * The integration's tool.
     *
     * @param id          integration id
     * @param name        display name
     * @param executable  where it was found, or null
     * @param version     the first line of {@code --version}, or null
     * @param installHint how to install it
     * @param proven      the versions the plugin was proven on (empty: not declared)
     */
    public record ToolStatus(String id, String name, String executable, String version, String installHint,
                             List<String> proven) {
        public ToolStatus {
            proven = List.copyOf(proven);
        }

        /** Installed, with a known version that is not one the plugin was proven on. */
        public boolean unproven() {
            return executable != null && version != null && !proven.isEmpty() && !proven.contains(version);
        }
    }

    /** Every problem, one line each: exit 0 only when there is none. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (serverError != null) {
            problems.add(serverError);
        }
        checks.ifPresent(c -> {
            c.missing().forEach(m -> problems.add(c.kind().equals("ollama")
                    ? m.name() + " (" + m.tierWords() + ") is not on the server; pull it with 'ollama pull " + m.name()
                    + "' or launch with --pull"
                    : m.name() + " (" + m.tierWords() + ") is not served by the " + c.kindName() + " server (it serves: "
                    + (c.listed().isEmpty() ? "nothing" : String.join(", ", c.listed().subList(0, Math.min(5, c.listed().size()))))
                    + "); pick a model it serves"));
            problems.addAll(c.warnings());
        });
        tool.filter(t -> t.executable() == null)
                .ifPresent(t -> problems.add(t.name() + " is not installed; install it with: " + t.installHint()));
        tool.filter(ToolStatus::unproven).ifPresent(t -> problems.add(t.name() + " " + t.version() + " at " + t.executable()
                + " is not a version the '" + t.id() + "' plugin was proven on (" + String.join(", ", t.proven())
                + "); it may work, and if it does not, install a proven version or a newer plugin"));
        problems.addAll(ambient);
        return problems;
    }
}
