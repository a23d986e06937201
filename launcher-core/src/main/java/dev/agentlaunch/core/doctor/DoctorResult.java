package dev.agentlaunch.core.doctor;

import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.process.ProvenRange;
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
                           Optional<TierPlan> tiers, Optional<ToolStatus> tool, List<String> ambient, boolean offline,
                           List<ServerReport> tierChecks, List<String> tierErrors) {
    public DoctorResult {
        ambient = List.copyOf(ambient);
        tierChecks = List.copyOf(tierChecks);
        tierErrors = List.copyOf(tierErrors);
    }

    /** A report with every tier on the one server. */
    public DoctorResult(ServerAddress server, Optional<ServerReport> checks, String serverError, Optional<TierPlan> tiers,
                        Optional<ToolStatus> tool, List<String> ambient, boolean offline) {
        this(server, checks, serverError, tiers, tool, ambient, offline, List.of(), List.of());
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
     * @param problem     what keeps the installed tool from running here (its Node too old), with the fix, or null
     */
    public record ToolStatus(String id, String name, String executable, String version, String installHint,
                             List<String> proven, String problem) {
        public ToolStatus {
            proven = List.copyOf(proven);
        }

        public ToolStatus(String id, String name, String executable, String version, String installHint, List<String> proven) {
            this(id, name, executable, version, installHint, proven, null);
        }

        /** Installed, with a known version outside the range the plugin was proven on (a note, not a problem). */
        public boolean unproven() {
            return executable != null && new ProvenRange(proven).outside(version);
        }
    }

    /** Every problem, one line each: exit 0 only when there is none. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (serverError != null) {
            problems.add(serverError);
        }
        checks.ifPresent(c -> serverProblems(c, problems));
        problems.addAll(tierErrors);
        for (ServerReport c : tierChecks) {       // which server, since there are several
            List<String> own = new java.util.ArrayList<>();
            serverProblems(c, own);
            own.forEach(p -> problems.add("on " + c.url() + ": " + p));
        }
        tool.filter(t -> t.executable() == null)
                .ifPresent(t -> problems.add(t.name() + " is not installed; install it with: " + t.installHint()));
        tool.map(ToolStatus::problem).filter(java.util.Objects::nonNull).ifPresent(problems::add);
        problems.addAll(ambient);
        return problems;
    }

    /** A server's models it does not have, and its warnings. */
    private static void serverProblems(ServerReport c, List<String> problems) {
        c.missing().forEach(m -> problems.add(c.kind().equals("ollama")
                ? m.name() + " (" + m.tierWords() + ") is not on the server; pull it with 'ollama pull " + m.name()
                + "' or launch with --pull"
                : c.kind().equals("lmstudio")
                ? m.name() + " (" + m.tierWords() + ") is not on the LM Studio server; download it with 'lms get " + m.name()
                + "' or launch with --pull"
                : m.name() + " (" + m.tierWords() + ") is not served by the " + c.kindName() + " server (it serves: "
                + (c.listed().isEmpty() ? "nothing" : String.join(", ", c.listed().subList(0, Math.min(5, c.listed().size()))))
                + "); pick a model it serves"));
        problems.addAll(c.warnings());
    }

    /**
     * What is worth knowing but stops nothing, one line each: a tool outside the versions its
     * plugin was proven on. Never a reason for a non-zero exit.
     */
    public List<String> notes() {
        return tool.filter(ToolStatus::unproven)
                .map(t -> List.of(new ProvenRange(t.proven()).note(t.name(), t.version(), t.executable(), t.id())))
                .orElse(List.of());
    }
}
