package dev.agentlaunch.core.server;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.PullProgress;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.output.Terminal;
import dev.agentlaunch.core.tiers.OllamaModelName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The checks before a launch: run {@link ServerChecks}; pull missing models (asking first on a
 * terminal, without asking with {@code --pull}/{@code --yes}, never when nobody can answer);
 * print each warning; stop on warnings with {@code --strict}. A dry run pulls nothing and says
 * what the launch would do.
 */
public final class LaunchChecks {
    /**
     * @param pull   {@code --pull}: pull missing models without asking
     * @param yes    {@code --yes}: answer yes to every question
     * @param strict {@code --strict}: warnings stop the launch
     * @param dryRun {@code --dry-run}: change nothing on the server
     */
    public record Settings(boolean pull, boolean yes, boolean strict, boolean dryRun) {
    }

    private final ServerChecks checks;
    private final OllamaClient client;
    private final Terminal terminal;
    private final Reporter reporter;
    private final LongSupplier nanoTime;

    public LaunchChecks(ServerChecks checks, OllamaClient client, Terminal terminal, Reporter reporter, LongSupplier nanoTime) {
        this.checks = checks;
        this.client = client != null ? client : checks.target().ollama();
        this.terminal = terminal;
        this.reporter = reporter;
        this.nanoTime = nanoTime;
    }

    /** The real thing for one server: one HTTP client, this machine's memory probe, the system clock. */
    public static LaunchChecks create(ServerAddress address, Terminal terminal, Reporter reporter) {
        OllamaClient client = new OllamaClient(address);
        return new LaunchChecks(new ServerChecks(client, MemoryProbe.system()::probe, System::nanoTime), client, terminal,
                reporter, System::nanoTime);
    }

    /** The real thing for a server of any kind. */
    public static LaunchChecks create(ServerTarget target, Terminal terminal, Reporter reporter) {
        return new LaunchChecks(new ServerChecks(target, MemoryProbe.system()::probe, System::nanoTime), target.ollama(),
                terminal, reporter, System::nanoTime);
    }

    /**
     * @throws LauncherException exit 3: server unreachable, model missing and not pulled, warnings under
     *                           {@code --strict}; 130: a pull cancelled with Ctrl-C
     */
    public ServerReport run(TierPlan plan, CheckRequirements req, Settings settings) {
        return run(plan, java.util.EnumSet.allOf(Tier.class), List.of(), req, settings);
    }

    /** The checks for some tiers only: those this server serves when tiers go to different servers. */
    public ServerReport run(TierPlan plan, java.util.Set<Tier> tiers, CheckRequirements req, Settings settings) {
        return run(plan, tiers, List.of(), req, settings);
    }

    /**
     * As above, also checking the models the user's kept variables name: the tool will ask for
     * them too. Such a model is never pulled: the user named it, and a flag replaces it.
     */
    public ServerReport run(TierPlan plan, List<KeptModel> kept, CheckRequirements req, Settings settings) {
        return run(plan, java.util.EnumSet.allOf(Tier.class), kept, req, settings);
    }

    /** The checks of some tiers (the others go to another server) and of the user's kept variables' models. */
    public ServerReport run(TierPlan plan, java.util.Set<Tier> tiers, List<KeptModel> kept, CheckRequirements req,
                            Settings settings) {
        long start = nanoTime.getAsLong();
        ServerReport report = check(plan, tiers, kept, req, settings);
        reporter.debug(String.format(Locale.ROOT, "server checks: %.1f ms in all", (nanoTime.getAsLong() - start) / 1e6));
        return report;
    }

    private ServerReport check(TierPlan plan, java.util.Set<Tier> tiers, List<KeptModel> kept, CheckRequirements req,
                               Settings settings) {
        Map<String, List<Tier>> models = new java.util.LinkedHashMap<>();
        ServerChecks.tiersByModel(plan).forEach((model, using) -> {
            List<Tier> here = using.stream().filter(tiers::contains).toList();
            if (!here.isEmpty()) {
                models.put(model, here);
            }
        });
        List<String> stops = new ArrayList<>();
        List<KeptModel> named = new ArrayList<>();
        for (KeptModel k : kept) {
            OllamaModelName.Parsed parsed = OllamaModelName.parse(k.model());
            if (parsed.valid()) {
                named.add(k);
                models.putIfAbsent(k.model(), List.of());
            } else {        // the server would refuse the name itself: no need to ask it
                stops.add("your " + k.variable() + "=" + Reporter.flatten(k.model()) + " is not a model name Ollama accepts ("
                        + Reporter.flatten(parsed.problem()) + "; kept because the " + k.tier().id()
                        + " tier's model was only derived); pass " + k.tier().flag() + " MODEL to replace it for this session, or unset "
                        + k.variable());
            }
        }
        ServerReport report = labelled(timed(models, req), named);
        for (ModelStatus m : report.missing()) {
            if (!m.yourVariables().isEmpty()) {
                for (KeptModel k : named) {
                    if (k.model().equals(m.name())) {
                        stops.add(keptMissing(k, m, report.url()));
                    }
                }
            } else if (m.cloud()) {
                stops.add(cloudMissing(m, report.url()));
            }
        }
        if (!stops.isEmpty()) {
            if (!settings.dryRun()) {
                throw LauncherException.notReady(String.join("; and ", stops));
            }
            stops.forEach(line -> reporter.warn("the launch would stop: " + line));
        }
        List<ModelStatus> missing = pullable(report);
        if (!missing.isEmpty() && !ServerTarget.pulls(checks.target().kind())) {
            throw LauncherException.notReady(notServed(missing, report));
        }
        if (!missing.isEmpty()) {
            if (settings.dryRun()) {
                for (ModelStatus m : missing) {
                    reporter.warn(m.name() + " (" + m.tierWords() + ") is not on the server: " + (settings.pull() || settings.yes()
                            ? "the launch would pull it" : terminal.interactive() ? "the launch would ask to pull it"
                            : "the launch would stop; " + pullHint(List.of(m))));
                }
            } else {
                if (!settings.pull() && !settings.yes()) {
                    if (!terminal.interactive()) {
                        throw LauncherException.notReady(missingWords(missing) + " on the model server at " + report.url()
                                + "; " + pullHint(missing));
                    }
                    missing.forEach(this::ask);
                }
                missing.forEach(m -> pull(m.name()));
                report = labelled(timed(models, req), named);
                if (!pullable(report).isEmpty()) {
                    throw LauncherException.notReady(missingWords(pullable(report)) + " on the model server at " + report.url()
                            + " even after pulling; check the server's log");
                }
            }
        }
        if (!report.memory().judged() && !report.models().isEmpty()) {
            reporter.note("memory fit not checked: " + report.memory().summary().substring("not checked: ".length()));
        } else if (!report.memory().cloud().isEmpty()) {
            reporter.note("memory " + report.memory().summary());
        }
        report.warnings().forEach(reporter::warn);
        if (settings.strict() && !report.warnings().isEmpty()) {
            throw LauncherException.notReady("stopping because of --strict: " + report.warnings().size()
                    + (report.warnings().size() == 1 ? " warning" : " warnings") + " above; fix "
                    + (report.warnings().size() == 1 ? "it" : "them") + " or drop --strict");
        }
        return report;
    }

    /** The missing models a pull can fix: tier models on the server itself, not cloud models, not the user's own. */
    private static List<ModelStatus> pullable(ServerReport report) {
        return report.missing().stream().filter(m -> !m.cloud() && m.yourVariables().isEmpty()).toList();
    }

    /** Each status names the user's kept variables that name its model. */
    private static ServerReport labelled(ServerReport report, List<KeptModel> kept) {
        if (kept.isEmpty()) {
            return report;
        }
        return report.withModels(report.models().stream().map(m -> m.withYourVariables(kept.stream()
                .filter(k -> k.model().equals(m.name())).map(KeptModel::variable).toList())).toList());
    }

    private static String keptMissing(KeptModel k, ModelStatus m, String url) {
        return "your " + k.variable() + "=" + Reporter.flatten(k.model()) + (m.signInNeeded()
                ? " is an Ollama Cloud model and the server at " + url + " is not signed in to ollama.com"
                : " is not on the model server at " + url) + " (kept because the " + k.tier().id()
                + " tier's model was only derived); pass " + k.tier().flag() + " MODEL to replace it for this session, or unset "
                + k.variable();
    }

    private static String cloudMissing(ModelStatus m, String url) {
        if (m.signInNeeded()) {
            return m.name() + " (" + m.tierWords() + ") runs on Ollama Cloud and the server at " + url
                    + " is not signed in to ollama.com; run 'ollama signin' where the server runs, then launch again";
        }
        return m.name() + " (" + m.tierWords() + ") is not a model Ollama Cloud serves through the server at " + url
                + "; check the name (cloud models are listed at https://ollama.com/search?c=cloud); cloud models are never pulled";
    }

    private ServerReport timed(Map<String, List<Tier>> models, CheckRequirements req) {
        ServerReport report = checks.check(models, req);
        reporter.debug(String.format(Locale.ROOT, "server asked in %.1f ms (%d models, version %s, memory %s)",
                report.elapsed().toNanos() / 1e6, models.size(), report.version(), report.memory().summary()));
        return report;
    }

    private void ask(ModelStatus m) {
        reporter.err().print("Pull " + m.name() + " (" + m.tierWords() + ") onto the server at " + checks.target().address().url()
                + "? [Y/n] ");
        reporter.err().flush();
        String answer = terminal.readLine().orElse("n").trim().toLowerCase(Locale.ROOT);
        if (!(answer.isEmpty() || answer.equals("y") || answer.equals("yes"))) {
            throw LauncherException.notReady(m.name() + " is not on the model server; " + pullHint(List.of(m)));
        }
    }

    /** Pulls one model through the server's kind, with progress on stderr; Ctrl-C cancels the download cleanly. */
    void pull(String model) {
        PullProgress progress = new PullProgress(reporter.err(), terminal.interactive(), model, nanoTime);
        PullHandle handle = new PullHandle();
        long start = nanoTime.getAsLong();
        try (AutoCloseable ignored = CtrlC.onInterrupt(handle::cancel)) {
            checks.target().pull(model, progress, handle);
        } catch (LauncherException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);     // only close() of the Ctrl-C handler declares it, and it throws nothing
        } finally {
            progress.endLine();
        }
        reporter.note(String.format(Locale.ROOT, "pulled %s in %.1f s", model, (nanoTime.getAsLong() - start) / 1e9));
    }

    /** A server that cannot pull: what it does serve, closest names first. */
    static String notServed(List<ModelStatus> missing, ServerReport report) {
        StringBuilder s = new StringBuilder(missingWords(missing)).append(" served by the ").append(report.kindName())
                .append(" server at ").append(report.url());
        if (report.listed().isEmpty()) {
            s.append(" (it lists no models)");
        } else {
            s.append(" (closest it serves: ").append(String.join(", ", ModelNames.closest(missing.get(0).name(), report.listed(), 3)))
                    .append(")");
        }
        return s.append("; pick a model it serves for ").append(missing.size() == 1 ? "that tier" : "those tiers")
                .append(", or start the server with it (it cannot pull models)").toString();
    }

    private static String missingWords(List<ModelStatus> missing) {
        return missing.stream().map(m -> m.name() + " (" + m.tierWords() + ")").collect(Collectors.joining(" and "))
                + (missing.size() == 1 ? " is not" : " are not");
    }

    private String pullHint(List<ModelStatus> missing) {
        if (client == null) {       // a plugin's kind: the launcher knows no command of its own for it
            return "pull " + (missing.size() == 1 ? "it" : "them") + " onto the " + checks.target().kind().displayName()
                    + " server, or pass --pull to let the launcher do it";
        }
        String prefix = client.address().source().equals("--host") ? "OLLAMA_HOST=" + client.address().url() + " " : "";
        String commands = missing.stream().map(m -> prefix + "ollama pull " + m.name()).collect(Collectors.joining("; "));
        return "pull " + (missing.size() == 1 ? "it" : "them") + " with '" + commands + "', or pass --pull to let the launcher do it";
    }
}
