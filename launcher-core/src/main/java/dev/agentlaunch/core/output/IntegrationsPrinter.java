package dev.agentlaunch.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.api.WireApi;
import dev.agentlaunch.core.server.ServerKinds;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.plugins.IntegrationRegistry;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.plugins.PluginProblem;
import dev.agentlaunch.core.process.ExecutableFinder;
import dev.agentlaunch.core.process.ProvenRange;
import dev.agentlaunch.core.process.ToolVersion;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@code list-integrations}: a row per integration and per failed plugin, as text or JSON. */
public final class IntegrationsPrinter {
    private final PrintWriter out;
    private final ExecutableFinder finder;
    private final ToolVersion versions;
    private final Consumer<String> warnings;
    private final Consumer<String> notes;

    public IntegrationsPrinter(PrintWriter out, Map<String, String> env, Optional<Path> home) {
        this(out, env, home, line -> { });
    }

    /** @param warnings receives every line, the warnings and the notes */
    public IntegrationsPrinter(PrintWriter out, Map<String, String> env, Optional<Path> home, Consumer<String> warnings) {
        this(out, env, home, warnings, warnings);
    }

    /**
     * @param warnings receives one line per tool that cannot run here
     * @param notes    receives one line per installed tool whose version is outside the range its plugin was proven on
     */
    public IntegrationsPrinter(PrintWriter out, Map<String, String> env, Optional<Path> home, Consumer<String> warnings,
                               Consumer<String> notes) {
        this.out = out;
        this.finder = new ExecutableFinder(env, home);
        this.versions = new ToolVersion(env);
        this.warnings = warnings;
        this.notes = notes;
        this.context = dev.agentlaunch.core.process.DefaultLaunchContext.outsideLaunch(env, home);
    }

    private final dev.agentlaunch.api.LaunchContext context;
    /** What keeps each installed tool from running here (its Node too old), asked alongside the versions. */
    private final Map<String, CompletableFuture<Optional<String>>> runtimeProblems = new HashMap<>();

    /** Versions being asked, by integration id: every tool at once, since each Node CLI takes a while to answer. */
    private final Map<String, CompletableFuture<Optional<String>>> probes = new HashMap<>();

    private void startProbes(IntegrationRegistry registry) {
        for (LoadedIntegration li : registry.integrations()) {
            Optional<Path> exe = find(li.integration()).executable();
            if (exe.isPresent() && !li.integration().provenToolVersions().isEmpty()) {
                probes.put(li.id(), CompletableFuture.supplyAsync(() -> versions.of(exe.get())));
            }
            if (exe.isPresent()) {
                runtimeProblems.put(li.id(), CompletableFuture.supplyAsync(() -> runtimeProblem(li)));
            }
        }
    }

    private Optional<String> runtimeProblem(LoadedIntegration li) {
        try {
            return li.integration().runtimeProblem(context);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();    // a plugin's failure here must not break the listing
        }
    }

    /** Warns with the plugin's line when something keeps the installed tool from running here. */
    private void warnRuntimeProblem(LoadedIntegration li) {
        CompletableFuture<Optional<String>> problem = runtimeProblems.get(li.id());
        if (problem != null) {
            problem.join().ifPresent(warnings);
        }
    }

    /** The installed tool's version, and a note when it lies outside the range the plugin was proven on. */
    private Optional<String> checkedVersion(LoadedIntegration li, Optional<Path> exe) {
        warnRuntimeProblem(li);
        ProvenRange proven = new ProvenRange(li.integration().provenToolVersions());
        CompletableFuture<Optional<String>> probe = probes.get(li.id());
        if (exe.isEmpty() || !proven.declared() || probe == null) {
            return Optional.empty();
        }
        Optional<String> version = probe.join();
        version.filter(proven::outside).ifPresent(v -> notes.accept(
                proven.note(li.integration().displayName(), v, exe.get().toString(), li.id())));
        return version;
    }

    public void print(IntegrationRegistry registry, boolean json) {
        startProbes(registry);
        if (json) {
            printJson(registry);
        } else {
            printText(registry);
        }
        out.flush();
    }

    private ExecutableFinder.Result find(Integration integration) {
        return finder.find(integration.executableNames(), integration.installDirs(), integration.displayName());
    }

    private String installed(Integration integration) {
        ExecutableFinder.Result r = find(integration);
        return r.executable().map(p -> "installed: " + p)
                .orElseGet(() -> r.notExecutable().map(p -> "not executable: " + p).orElse("not installed: " + integration.installHint()));
    }

    private void printText(IntegrationRegistry registry) {
        if (registry.integrations().isEmpty()) {
            out.println("no integrations found (plugin dirs: --plugins-dir, $AGENT_LAUNCH_PLUGINS, "
                    + "~/.local/share/agent-launch/plugins, the distribution's plugins/)");
        }
        for (LoadedIntegration li : registry.integrations()) {
            Integration integration = li.integration();
            out.println(pad(li.id(), 12) + " " + integration.displayName());
            ExecutableFinder.Result found = find(integration);
            Optional<String> version = checkedVersion(li, found.executable());
            out.println(field("tool") + installed(integration) + version.map(v -> " (" + v + ")").orElse("")
                    + (found.executable().isPresent() ? ", " + found.where() : ""));
            out.println(field("plugin") + li.pluginId() + " " + li.pluginVersion() + " (" + li.origin() + ", " + li.jar() + ")"
                    + (integration.provenToolVersions().isEmpty() ? ""
                            : "; proven on " + integration.displayName() + " " + new ProvenRange(integration.provenToolVersions())));
            for (Tier tier : Tier.values()) {
                out.println(field(tier.id()) + integration.tierRoles().getOrDefault(tier, ""));
            }
            WireApi api = wireApi(integration);
            out.println(field("speaks") + api.words() + " (POST " + api.path() + ")");
        }
        for (PluginProblem p : registry.problems()) {
            out.println(pad(p.pluginId() == null ? "?" : p.pluginId(), 12) + " FAILED");
            out.println(field("plugin") + p.jar());
            out.println(field("reason") + p.reason());
        }
    }

    /** An indented label column; plain concatenation, as printf's formatter costs per line in a cold JVM. */
    private static String field(String label) {
        return "  " + pad(label, 9) + " ";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private void printJson(IntegrationRegistry registry) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LoadedIntegration li : registry.integrations()) {
            Integration integration = li.integration();
            ExecutableFinder.Result r = find(integration);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", li.id());
            row.put("name", integration.displayName());
            row.put("installed", r.executable().isPresent());
            row.put("path", r.executable().map(Object::toString).orElse(null));
            row.put("foundWhere", r.executable().isPresent() ? r.where() : null);
            row.put("version", checkedVersion(li, r.executable()).orElse(null));
            row.put("installHint", integration.installHint());
            row.put("provenToolVersions", integration.provenToolVersions());
            Map<String, Object> plugin = new LinkedHashMap<>();
            plugin.put("id", li.pluginId());
            plugin.put("version", li.pluginVersion());
            plugin.put("requires", li.requires());
            plugin.put("jar", li.jar().toString());
            plugin.put("origin", li.origin());
            row.put("plugin", plugin);
            Map<String, String> tiers = new LinkedHashMap<>();
            for (Tier tier : Tier.values()) {
                tiers.put(tier.id(), integration.tierRoles().getOrDefault(tier, ""));
            }
            row.put("tiers", tiers);
            row.put("wireApi", wireApi(integration).name().toLowerCase(java.util.Locale.ROOT));
            rows.add(row);
        }
        List<Map<String, Object>> failed = new ArrayList<>();
        for (PluginProblem p : registry.problems()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("plugin", p.pluginId());
            row.put("integration", p.integrationId());
            row.put("jar", p.jar().toString());
            row.put("reason", p.reason());
            failed.add(row);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("integrations", rows);
        root.put("failedPlugins", failed);
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (ModelServer k : ServerKinds.with(registry.serverKinds()).all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", k.kind());
            row.put("name", k.displayName());
            row.put("wireApis", k.wireApis().stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
            row.put("canPull", dev.agentlaunch.core.server.ServerTarget.pulls(k));
            kinds.add(row);
        }
        root.put("serverKinds", kinds);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API the tool speaks; a plugin that fails to say is shown as speaking the default. */
    private static WireApi wireApi(Integration integration) {
        try {
            WireApi api = integration.wireApi();
            return api == null ? WireApi.OPENAI_CHAT : api;
        } catch (RuntimeException | LinkageError e) {
            return WireApi.OPENAI_CHAT;
        }
    }
}
