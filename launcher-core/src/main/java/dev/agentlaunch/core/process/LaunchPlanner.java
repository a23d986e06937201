package dev.agentlaunch.core.process;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.server.ApiKey;
import dev.agentlaunch.core.server.KeptModel;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.tiers.TierRequest;
import dev.agentlaunch.core.tiers.TierResolver;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Computes a {@link LaunchPlan}: resolve the tiers, let the integration map them, apply the
 * environment policy, find the executable. Runs nothing.
 */
public final class LaunchPlanner {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> ambient;
    private final Optional<Path> home;
    private final Reporter reporter;

    public LaunchPlanner(Map<String, String> ambient, Optional<Path> home, Reporter reporter) {
        this.ambient = Map.copyOf(ambient);
        this.home = home;
        this.reporter = reporter;
    }

    public LaunchPlan plan(LoadedIntegration loaded, TierRequest request, ServerAddress server, List<String> toolArgs) {
        return map(loaded, resolve(request, server), server, toolArgs);
    }

    /** Resolves the tiers only, before the server is checked. */
    public TierPlan resolve(TierRequest request, ServerAddress server) {
        return resolve(request, Map.of(), server);
    }

    /** As above, with the models the launcher chose for tiers the user did not name ({@code --auto}, the picker). */
    public TierPlan resolve(TierRequest request, Map<Tier, TierPlan.Assignment> launcherChose, ServerAddress server) {
        return new TierPlan(server.url(), new TierResolver().resolve(request, launcherChose), Map.of());
    }

    /**
     * The integration's mapping tried on the plan before anything is looked up, silently and
     * writing nothing: a plugin refusing the user's arguments (exit 2) is reported before a
     * missing tool or server, and the user's tier variables the policy will keep are known, so
     * the server checks can ask for their models too. The SPI makes the mapping deterministic, so
     * the launch's own mapping after the checks decides the same.
     */
    public List<KeptModel> preview(LoadedIntegration loaded, TierPlan tiers, List<String> toolArgs) {
        Integration integration = loaded.integration();
        DefaultLaunchContext context = new DefaultLaunchContext(ambient, home, toolArgs,
                StateDirectory.of(ambient, home).map(StateDirectory::namesOnly), line -> { });
        Map<String, String> env = guarded(loaded, "tierEnv", () -> integration.tierEnv(tiers, context));
        List<String> args = guarded(loaded, "tierArgs", () -> integration.tierArgs(tiers, context));
        List<String> passed = guarded(loaded, "toolArgs", () -> integration.toolArgs(tiers, context));
        Map<String, Tier> tierVariables = guarded(loaded, "tierVariables", integration::tierVariables);
        checkEnv(loaded, env);
        checkArgs(loaded, args);
        checkArgs(loaded, passed);
        List<KeptModel> kept = new ArrayList<>();
        for (EnvEntry e : new EnvPolicy().apply(ambient, env, tierVariables, tiers, line -> { })) {
            if (e.action() == EnvEntry.Action.KEPT && !e.value().isBlank()) {
                kept.add(new KeptModel(e.name(), e.value(), tierVariables.get(e.name())));
            }
        }
        return kept;
    }

    /** Maps an already resolved (and possibly server-checked) plan. */
    public LaunchPlan map(LoadedIntegration loaded, TierPlan tiers, ServerAddress server, List<String> toolArgs) {
        return map(loaded, tiers, server, toolArgs, Optional.empty());
    }

    /**
     * As above, for a server with a token: a variable the integration sets to the token is marked,
     * so it is written out as a reference to the user's variable, never as the token.
     */
    public LaunchPlan map(LoadedIntegration loaded, TierPlan tiers, ServerAddress server, List<String> toolArgs,
                          Optional<ApiKey> key) {
        Integration integration = loaded.integration();
        Optional<TokenGuard> guard = key.map(k -> new TokenGuard(k, loaded));
        java.util.function.Consumer<String> notes = guard.map(g -> g.notes(reporter::note)).orElse(reporter::note);
        DefaultLaunchContext context = new DefaultLaunchContext(ambient, home, toolArgs,
                StateDirectory.of(ambient, home).map(d -> guard.map(g -> g.stateFiles(d)).orElse(d)), notes);
        Map<String, String> env = guarded(loaded, "tierEnv", () -> integration.tierEnv(tiers, context));
        List<String> args = guarded(loaded, "tierArgs", () -> integration.tierArgs(tiers, context));
        List<String> passed = guarded(loaded, "toolArgs", () -> integration.toolArgs(tiers, context));
        Map<String, Tier> tierVariables = guarded(loaded, "tierVariables", integration::tierVariables);
        checkEnv(loaded, env);
        checkArgs(loaded, args);
        checkArgs(loaded, passed);
        guard.ifPresent(g -> g.checkArgs(args));
        List<EnvEntry> entries = new EnvPolicy().apply(ambient, env, tierVariables, tiers, notes);
        ExecutableFinder.Result exe = findExecutable(loaded);
        Map<String, String> references = new java.util.LinkedHashMap<>();
        if (key.isPresent()) {
            for (EnvEntry e : entries) {
                if (e.action() != EnvEntry.Action.KEPT && e.value().equals(key.get().value())) {
                    references.put(e.name(), key.get().variable());
                }
            }
        }
        return new LaunchPlan(loaded, tiers, server, args, passed, entries, exe, references);
    }

    /** Where the integration's tool is on this machine (or why not). */
    public ExecutableFinder.Result findExecutable(LoadedIntegration loaded) {
        Integration integration = loaded.integration();
        return new ExecutableFinder(ambient, home).find(guarded(loaded, "executableNames", integration::executableNames),
                guarded(loaded, "installDirs", integration::installDirs), integration.displayName());
    }

    static <T> T guarded(LoadedIntegration loaded, String method, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (LaunchRefusedException e) {
            throw LauncherException.usage(oneLine(e.getMessage()));
        } catch (LauncherException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw LauncherException.notReady(e.getMessage() + ": " + e.getCause().getMessage());
        } catch (RuntimeException | LinkageError e) {
            throw new LauncherException(dev.agentlaunch.core.ExitCode.PLUGIN, "plugin " + loaded.jar() + " failed in "
                    + method + (e.getMessage() == null ? " (no message)" : ": " + oneLine(e.getMessage()))
                    + "; report it to the plugin's author or remove the jar", e);
        }
        if (result == null) {
            throw LauncherException.plugin("plugin " + loaded.jar() + " returned null from " + method
                    + "; report it to the plugin's author or remove the jar");
        }
        return result;
    }

    /** A plugin's message on one line: errors are one line whatever the plugin put in them. */
    private static String oneLine(String message) {
        return Reporter.flatten(String.valueOf(message).replace("\0", "\\0"));
    }

    static void checkEnv(LoadedIntegration loaded, Map<String, String> env) {
        env.forEach((name, value) -> {
            if (name == null || !ENV_NAME.matcher(name).matches()) {
                throw LauncherException.plugin("plugin " + loaded.jar() + " set an invalid environment variable name '"
                        + String.valueOf(name).replace("\0", "\\0") + "'; report it to the plugin's author or remove the jar");
            }
            if (value == null || value.indexOf('\0') >= 0) {
                throw LauncherException.plugin("plugin " + loaded.jar() + " set " + name
                        + (value == null ? " to null" : " to a value containing NUL") + "; report it to the plugin's author or remove the jar");
            }
        });
    }

    static void checkArgs(LoadedIntegration loaded, List<String> args) {
        for (String a : args) {
            if (a == null || a.indexOf('\0') >= 0) {
                throw LauncherException.plugin("plugin " + loaded.jar() + " returned an argument that is null or contains NUL; "
                        + "report it to the plugin's author or remove the jar");
            }
        }
    }
}
