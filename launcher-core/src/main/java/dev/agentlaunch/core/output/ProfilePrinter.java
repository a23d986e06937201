package dev.agentlaunch.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.config.Config;
import dev.agentlaunch.core.config.Profile;
import dev.agentlaunch.core.config.TierSet;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code launch profile list|show}: the config's profiles on stdout, as text or JSON. */
public final class ProfilePrinter {
    private final PrintWriter out;

    public ProfilePrinter(PrintWriter out) {
        this.out = out;
    }

    public void list(Path file, Config config, boolean json) {
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("config", file.toString());
            Map<String, Object> profiles = new LinkedHashMap<>();
            config.profiles().forEach((name, p) -> profiles.put(name, row(config, name, p)));
            root.put("profiles", profiles);
            root.put("defaults", config.defaults() == null ? Map.of() : tiers(config.defaults().tiers()));
            printJson(root);
            return;
        }
        int width = Math.max(7, config.profiles().keySet().stream().mapToInt(String::length).max().orElse(0));
        out.printf("%-" + width + "s  %-16s %-16s %-16s %s%n", "PROFILE", "LARGE", "MEDIUM", "SMALL", "HOST");
        config.profiles().forEach((name, p) -> {
            Map<Tier, String> t = p.tiersFor("");
            out.printf("%-" + width + "s  %-16s %-16s %-16s %s%s%n", name, dash(t.get(Tier.LARGE)), dash(t.get(Tier.MEDIUM)),
                    dash(t.get(Tier.SMALL)), dash(p.host()), defaultFor(config, name).isEmpty() ? ""
                            : "   (default for " + String.join(", ", defaultFor(config, name)) + ")");
        });
        out.flush();
    }

    public void show(Path file, Config config, String name, Profile p, boolean json) {
        if (json) {
            Map<String, Object> root = row(config, name, p);
            root.put("name", name);
            root.put("config", file.toString());
            printJson(root);
            return;
        }
        out.println("profile   " + name + "   (" + file + ")");
        Map<Tier, String> t = p.tiersFor("");
        for (Tier tier : Tier.values()) {
            String named = new TierSet(p.large(), p.medium(), p.small(), null).named(tier);
            out.printf("%-9s %s%s%n", tier.id(), dash(t.get(tier)), named == null && t.containsKey(tier) ? "   (its model)" : "");
        }
        out.printf("%-9s %s%n", "host", p.host() == null ? "- (--host, OLLAMA_HOST, the config's host or the default)" : p.host());
        if (p.server() != null) {
            out.printf("%-9s %s%n", "server", p.server());
        }
        if (!p.tierServers().isEmpty()) {
            List<String> parts = new ArrayList<>();
            p.tierServers().forEach((tier, server) -> parts.add(tier + " -> " + server));
            out.printf("%-9s %s   (--tier-server wins per tier)%n", "per tier", String.join(", ", parts));
        }
        p.integrations().forEach((id, o) -> {
            List<String> parts = new ArrayList<>();
            o.tiers().forEach((tier, m) -> parts.add(tier.id() + " " + m));
            out.printf("%-9s %s%n", "for " + id, String.join(", ", parts));
        });
        List<String> defaults = defaultFor(config, name);
        if (!defaults.isEmpty()) {
            out.printf("%-9s %s%n", "default", "for " + String.join(", ", defaults));
        }
        out.flush();
    }

    private static Map<String, Object> row(Config config, String name, Profile p) {
        Map<String, Object> row = new LinkedHashMap<>(tiers(p.tiersFor("")));
        if (p.model() != null) {
            row.put("model", p.model());
        }
        if (p.host() != null) {
            row.put("host", p.host());
        }
        if (p.server() != null) {
            row.put("server", p.server());
        }
        if (!p.tierServers().isEmpty()) {
            row.put("tierServers", new LinkedHashMap<>(p.tierServers()));
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        p.integrations().forEach((id, o) -> overrides.put(id, tiers(o.tiers())));
        if (!overrides.isEmpty()) {
            row.put("integrations", overrides);
        }
        row.put("defaultFor", defaultFor(config, name));
        return row;
    }

    private static Map<String, Object> tiers(Map<Tier, String> t) {
        Map<String, Object> m = new LinkedHashMap<>();
        t.forEach((tier, model) -> m.put(tier.id(), model));
        return m;
    }

    private static List<String> defaultFor(Config config, String name) {
        List<String> ids = new ArrayList<>();
        config.integrations().forEach((id, d) -> {
            if (name.equals(d.profile())) {
                ids.add(id);
            }
        });
        ids.sort(null);
        return ids;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private void printJson(Object root) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
