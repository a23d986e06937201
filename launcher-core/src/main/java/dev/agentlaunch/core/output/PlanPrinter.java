package dev.agentlaunch.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.auto.AutoChoice;
import dev.agentlaunch.core.process.EnvEntry;
import dev.agentlaunch.core.process.LaunchPlan;
import dev.agentlaunch.core.process.ShellQuote;
import dev.agentlaunch.core.server.ServerReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --dry-run}: the whole plan on stdout, as text or JSON, secrets masked. */
public final class PlanPrinter {
    private final PrintWriter out;
    private final Optional<String> profile;
    private AutoChoice auto;
    private String kindSource = "default";

    private List<ServerReport> tierChecks = List.of();

    /** The checks of the servers single tiers were sent to ({@code --tier-server}). */
    public PlanPrinter tierChecks(List<ServerReport> reports) {
        this.tierChecks = List.copyOf(reports);
        return this;
    }

    /** How the server's kind was found ({@code --server-kind}, {@code detected from ...}), for the plan's "kind" line. */
    public PlanPrinter kindSource(String how) {
        this.kindSource = how;
        return this;
    }

    public PlanPrinter(PrintWriter out) {
        this(out, Optional.empty());
    }

    /** @param profile the profile the tiers came from, named in each tier's source */
    public PlanPrinter(PrintWriter out, Optional<String> profile) {
        this.out = out;
        this.profile = profile;
    }

    /** Also says why {@code --auto} chose each tier it filled and which models it passed over (null: it did not run). */
    public PlanPrinter withAuto(AutoChoice choice) {
        this.auto = choice;
        return this;
    }

    public void print(LaunchPlan plan, boolean json) {
        print(plan, null, json);
    }

    /** The plan with what the server checks found, or "skipped" when {@code checks} is null ({@code --offline}). */
    public void print(LaunchPlan plan, ServerReport checks, boolean json) {
        print(plan, checks, "--offline", json);
    }

    /** As above; {@code notRun} says why there are no checks when {@code checks} is null. */
    public void print(LaunchPlan plan, ServerReport checks, String notRun, boolean json) {
        if (json) {
            printJson(plan, checks, notRun);
        } else {
            printText(plan, checks, notRun);
        }
        out.flush();
    }

    /** How a tier's source reads in output: the flag itself for flags, the profile's name for a profile. */
    String source(Tier tier, TierSource source) {
        if (source == TierSource.PROFILE && profile.isPresent()) {
            return "profile " + profile.get();
        }
        return source == TierSource.FLAG ? tier.flag() : source.label();
    }

    /** An entry's value as it may be printed: the user's own secrets are masked, the launch's placeholders are not. */
    static String shownValue(EnvEntry e) {
        return e.action() == EnvEntry.Action.KEPT ? Secrets.display(e.name(), e.value()) : e.value();
    }

    /** As above; the server's token shows as a reference to the variable that holds it ({@code $TEAM_TOKEN}). */
    static String shownValue(LaunchPlan plan, EnvEntry e) {
        return plan.tokenReference(e.name()).map(v -> "$" + v).orElseGet(() -> shownValue(e));
    }

    private void printText(LaunchPlan plan, ServerReport checks, String notRun) {
        Integration integration = plan.integration().integration();
        TierPlan tiers = plan.tiers();
        out.println("integration  " + integration.displayName() + " (" + plan.integration().id() + "), plugin "
                + plan.integration().pluginId() + " " + plan.integration().pluginVersion());
        out.println("server       " + plan.server().url() + " (" + plan.server().source() + ")"
                + (checks == null ? "" : ", " + checks.kindName() + " " + checks.version()));
        out.println("kind         " + plan.tiers().server().kind() + " (" + kindSource + ")"
                + plan.tiers().apiKeyEnv().map(v -> ", token from $" + v).orElse(""));
        plan.tiers().tierServers().forEach((tier, s) -> out.println("  " + tier.id() + " tier -> " + s.url() + " (" + s.kind()
                + s.apiKeyEnv().map(v -> ", token from $" + v).orElse("") + ")"));
        new CheckPrinter(out).printText(checks, notRun, "each in a warning on stderr");
        for (ServerReport r : tierChecks) {
            out.println("server       " + r.url() + " (" + r.source() + "), " + r.kindName() + " " + r.version() + ", kind "
                    + r.kind() + " (" + r.kindSource() + ")");
            new CheckPrinter(out).printText(r, notRun, "each in a warning on stderr");
        }
        out.println("tiers");
        Map<Tier, String> roles = integration.tierRoles();
        int width = tiers.distinctModels().stream().mapToInt(String::length).max().orElse(10);
        for (Tier tier : Tier.values()) {
            out.printf("  %-7s %-" + width + "s  %-18s %s%n", tier.id(), tiers.model(tier),
                    source(tier, tiers.source(tier)), roles.getOrDefault(tier, ""));
        }
        if (auto != null) {
            out.println("auto         memory " + auto.budgetWords());
            AutoPrinter.lines(auto).forEach(line -> out.println("  " + line));
        }
        out.println("executable   " + plan.executable().described().orElseGet(() ->
                plan.executable().notExecutable().map(p -> p + " (not executable)")
                        .orElse("not found on PATH; install with: " + integration.installHint())));
        List<String> argv = new ArrayList<>();
        argv.add(plan.executable().executable().map(Object::toString).orElse(integration.executableNames().get(0)));
        argv.addAll(plan.arguments());
        out.println("argv         " + String.join(" ", argv.stream().map(PlanPrinter::shellWord).toList()));
        if (plan.env().isEmpty()) {       // a tool configured by arguments alone (Codex)
            out.println("env          none: the launch sets no variable");
            return;
        }
        out.println("env");
        int nameWidth = plan.env().stream().mapToInt(e -> e.name().length()).max().orElse(10);
        for (EnvEntry e : plan.env()) {
            String detail = switch (e.action()) {
                case SET -> "set";
                case REPLACED -> "replaced yours (" + Secrets.display(e.name(), e.ambient()) + ")";
                case KEPT -> "kept yours (the launch would set " + e.derived() + ")";
            };
            out.printf("  %-" + nameWidth + "s = %s   # %s%n", e.name(), plan.tokenReference(e.name()).isPresent()
                    ? shownValue(plan, e) : shellWord(shownValue(e)), detail);
        }
    }

    private static String shellWord(String s) {
        return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : ShellQuote.quote(s);
    }

    private void printJson(LaunchPlan plan, ServerReport checks, String notRun) {
        Integration integration = plan.integration().integration();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("id", plan.integration().id());
        in.put("name", integration.displayName());
        in.put("plugin", plan.integration().pluginId());
        in.put("pluginVersion", plan.integration().pluginVersion());
        in.put("jar", plan.integration().jar().toString());
        root.put("integration", in);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("url", plan.server().url());
        server.put("source", plan.server().source());
        server.put("kind", plan.tiers().server().kind());
        server.put("kindSource", kindSource);
        server.put("apiKeyEnv", plan.tiers().apiKeyEnv().orElse(null));
        Map<String, Object> perTier = new LinkedHashMap<>();
        plan.tiers().tierServers().forEach((tier, s) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("url", s.url());
            t.put("kind", s.kind());
            t.put("apiKeyEnv", s.apiKeyEnv().orElse(null));
            perTier.put(tier.id(), t);
        });
        if (!perTier.isEmpty()) {
            server.put("tiers", perTier);
        }
        root.put("server", server);
        root.put("checks", checks == null ? Map.of("skipped", notRun) : checks.toMap());
        if (!tierChecks.isEmpty()) {
            root.put("tierChecks", tierChecks.stream().map(ServerReport::toMap).toList());
        }
        Map<String, Object> tiers = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("model", plan.tiers().model(tier));
            t.put("source", source(tier, plan.tiers().source(tier)));
            t.put("role", integration.tierRoles().getOrDefault(tier, ""));
            if (auto != null && auto.picks().containsKey(tier)) {
                t.put("why", auto.picks().get(tier).why());
            }
            tiers.put(tier.id(), t);
        }
        root.put("tiers", tiers);
        if (auto != null) {
            root.put("auto", auto.toMap());
        }
        Map<String, Object> exe = new LinkedHashMap<>();
        exe.put("path", plan.executable().executable().map(Object::toString).orElse(null));
        exe.put("installed", plan.executable().executable().isPresent());
        exe.put("foundWhere", plan.executable().executable().isPresent() ? plan.executable().where() : null);
        exe.put("installHint", integration.installHint());
        root.put("executable", exe);
        root.put("args", plan.arguments());
        List<Map<String, Object>> env = new ArrayList<>();
        for (EnvEntry e : plan.env()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", e.name());
            v.put("value", shownValue(plan, e));
            v.put("action", e.action().name().toLowerCase(java.util.Locale.ROOT));
            if (e.ambient() != null) {
                v.put("yours", Secrets.display(e.name(), e.ambient()));
            }
            if (e.derived() != null) {
                v.put("launchValue", e.derived());
            }
            env.add(v);
        }
        root.put("env", env);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
