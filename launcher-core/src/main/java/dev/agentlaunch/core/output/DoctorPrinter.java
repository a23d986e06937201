package dev.agentlaunch.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.doctor.DoctorResult;
import dev.agentlaunch.core.server.ServerReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code launch doctor}'s report on stdout, as text or JSON. */
public final class DoctorPrinter {

    private final PrintWriter out;

    public DoctorPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(DoctorResult r, boolean json) {
        if (json) {
            printJson(r);
        } else {
            printText(r);
        }
        out.flush();
    }

    private void printText(DoctorResult r) {
        out.println("server       " + r.server().url() + " (" + r.server().source() + ")"
                + r.checks().map(c -> ", " + c.kindName() + " " + c.version()).orElse(r.offline() ? ", not asked (--offline)" : ", NOT REACHABLE"));
        r.checks().ifPresent(c -> out.println("kind         " + c.kind() + " (" + c.kindSource() + ")"));
        r.tool().ifPresent(t -> out.println("integration  " + t.name() + " (" + t.id() + "): "
                + (t.executable() == null ? "NOT INSTALLED; install with: " + t.installHint()
                : t.executable() + (t.version() == null ? " (version unknown)" : ", " + t.version()))));
        r.tiers().ifPresentOrElse(plan -> {
            out.println("tiers");
            for (Tier tier : Tier.values()) {
                out.printf("  %-7s %s%n", tier.id(), plan.model(tier));
            }
        }, () -> out.println("tiers        none named (pass --model or --large/--medium/--small to check models)"));
        r.checks().ifPresent(c -> new CheckPrinter(out).printText(c, null, "listed under result"));
        for (ServerReport c : r.tierChecks()) {      // a server single tiers go to: its own lines, like the main one's
            out.println("server       " + c.url() + " (" + c.source() + "), " + c.kindName() + " " + c.version() + ", kind "
                    + c.kind() + " (" + c.kindSource() + ")");
            new CheckPrinter(out).printText(c, null, "listed under result");
        }
        List<String> problems = r.problems();
        if (problems.isEmpty()) {
            out.println("result       all well");
        } else {
            out.println("result       " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            problems.forEach(p -> out.println("  - " + p));
        }
        r.notes().forEach(n -> out.println("note         " + n));
    }

    private void printJson(DoctorResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("url", r.server().url());
        server.put("source", r.server().source());
        server.put("checked", !r.offline());
        server.put("reachable", r.offline() ? null : r.checks().isPresent());
        server.put("kind", r.checks().map(c -> c.kind()).orElse(null));
        server.put("kindSource", r.checks().map(c -> c.kindSource()).orElse(null));
        server.put("error", r.serverError());
        root.put("server", server);
        root.put("integration", r.tool().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("installed", t.executable() != null);
            m.put("path", t.executable());
            m.put("version", t.version());
            m.put("installHint", t.installHint());
            m.put("problem", t.problem());
            return (Object) m;
        }).orElse(null));
        root.put("tiers", r.tiers().map(plan -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Tier tier : Tier.values()) {
                m.put(tier.id(), plan.model(tier));
            }
            return (Object) m;
        }).orElse(null));
        root.put("checks", r.checks().map(c -> (Object) c.toMap()).orElse(null));
        if (!r.tierChecks().isEmpty()) {
            root.put("tierChecks", r.tierChecks().stream().map(ServerReport::toMap).toList());
        }
        root.put("ambient", r.ambient());
        root.put("problems", r.problems());
        root.put("notes", r.notes());
        root.put("ok", r.problems().isEmpty());
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
