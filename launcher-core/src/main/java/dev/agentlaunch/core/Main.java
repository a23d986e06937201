package dev.agentlaunch.core;

import dev.agentlaunch.core.cli.CliContext;
import dev.agentlaunch.core.cli.CompletionCommand;
import dev.agentlaunch.core.cli.DoctorCommand;
import dev.agentlaunch.core.cli.EnvCommand;
import dev.agentlaunch.core.cli.IntegrationCommand;
import dev.agentlaunch.core.cli.LaunchCommand;
import dev.agentlaunch.core.cli.ListIntegrationsCommand;
import dev.agentlaunch.core.cli.HelpLayout;
import dev.agentlaunch.core.cli.ProfileCommand;
import dev.agentlaunch.core.cli.UsageErrors;
import dev.agentlaunch.core.cli.VersionCommand;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.output.Terminal;
import dev.agentlaunch.core.plugins.IntegrationRegistry;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.plugins.PluginDirectories;
import dev.agentlaunch.core.plugins.PluginDirectory;
import dev.agentlaunch.core.plugins.PluginLoader;
import dev.agentlaunch.core.plugins.PluginProblem;
import dev.agentlaunch.core.process.Handoff;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The launcher's entry point. Splits the arguments at the first {@code --} (the rest belongs to
 * the tool), finds the plugins, builds the picocli command tree and turns every failure into
 * one line on stderr and a documented exit code.
 */
public final class Main {
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String handoffTarget;
    private final Optional<Path> distributionHome;
    private final Terminal terminal;

    public Main(Map<String, String> env, PrintWriter out, PrintWriter err, String handoffTarget,
                Optional<Path> distributionHome) {
        this(env, out, err, handoffTarget, distributionHome, Terminal.none());
    }

    /** With a terminal: whether the launcher may ask questions and draw progress bars. */
    public Main(Map<String, String> env, PrintWriter out, PrintWriter err, String handoffTarget,
                Optional<Path> distributionHome, Terminal terminal) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.handoffTarget = handoffTarget;
        this.distributionHome = distributionHome;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        StartupArchive.dropIfUnused(System.getProperty(StartupArchive.PROPERTY), System.getProperty("java.vm.info"));
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new PrintStream(System.out, false, cs), cs), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new PrintStream(System.err, false, cs), cs), true);
        int code = new Main(System.getenv(), out, err, System.getProperty(Handoff.PROPERTY), distributionHome(),
                Terminal.system()).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public int run(String[] args) {
        int dashes = Arrays.asList(args).indexOf("--");
        String[] launcherArgs = dashes < 0 ? args : Arrays.copyOfRange(args, 0, dashes);
        List<String> toolArgs = dashes < 0 ? List.of() : List.of(Arrays.copyOfRange(args, dashes + 1, args.length));
        int launcherArgCount = dashes < 0 ? args.length : dashes + 1;

        boolean debug = Arrays.asList(launcherArgs).contains("--debug");
        boolean quiet = Arrays.asList(launcherArgs).contains("--quiet") || Arrays.asList(launcherArgs).contains("-q");
        // PF4J logs through SLF4J; nothing of it reaches the user unless they ask for --debug.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (!debug) {
            // Without --debug nothing is logged: SLF4J's own no-op provider, named, spares the
            // service-loader lookup and the simple logger's set-up (about 7 ms of plugin loading).
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        Reporter reporter = new Reporter(err, quiet, debug);
        try {
            Optional<Path> home = home();
            List<Path> flagDirs = pluginDirFlags(launcherArgs);
            long started = System.nanoTime();
            List<PluginDirectory> pluginDirs = PluginDirectories.resolve(flagDirs, env, home, distributionHome);
            if (reporter.isDebug()) {
                pluginDirs.forEach(d -> reporter.debug("plugins dir " + d.path() + " (" + d.origin() + ")"
                        + (Files.isDirectory(d.path()) ? "" : ": absent")));
            }
            // Plugins load on a second thread while picocli builds the root command's model: on two
            // cores about 15 ms (6 %) less wall time per launch (bench/README.md).
            FutureTask<IntegrationRegistry> loading = new FutureTask<>(() -> new PluginLoader(Versions.api()).load(pluginDirs));
            Thread loader = new Thread(loading, "plugin-loader");
            loader.setDaemon(true);
            loader.start();
            CommandLine root = LaunchCommand.create();
            IntegrationRegistry registry = joined(loading);
            if (reporter.isDebug()) {
                reporter.debug("plugins loaded in " + millis(started) + " ms: " + registry.integrations().size()
                        + " integration(s), " + registry.problems().size() + " failed");
            }
            boolean listing = Arrays.asList(launcherArgs).contains("list-integrations");
            String named = firstWord(launcherArgs);
            // Launching a plugin that was refused or broken: the error below says why, with its fix, once.
            if (named == null || registry.find(named).isPresent() || registry.problemsFor(named).isEmpty()) {
                registry.warnings().forEach(reporter::warn);
            }
            if (!listing) {
                // A problem with the integration being launched is the error itself, said once below.
                registry.problems().stream().filter(p -> named == null || !p.concerns(named) || registry.find(named).isPresent())
                        .forEach(p -> reporter.warn(p.describe()));
            }
            registry.integrations().forEach(li -> reporter.debug("integration '" + li.id() + "' from " + li.jar()
                    + " (" + li.origin() + ")"));
            registry.problems().forEach(p -> reporter.debug("plugin " + p.jar() + " not used: " + p.reason()));

            CliContext context = new CliContext(env, home, registry, out, reporter, toolArgs, launcherArgCount, handoffTarget,
                    terminal);
            commandLine(root, context, named);
            root.setOut(out).setErr(err)
                    .setParameterExceptionHandler((ex, a) -> parameterError(ex, registry, reporter))
                    .setExecutionExceptionHandler((ex, cl, parsed) -> executionError(ex, reporter));
            int code = root.execute(launcherArgs);
            if (reporter.isDebug()) {
                reporter.debug("command done in " + millis(started) + " ms after plugin discovery began");
            }
            return code;
        } catch (LauncherException e) {
            return report(e, reporter);
        } catch (RuntimeException | Error e) {
            return internal(e, reporter);
        }
    }

    /** The whole command tree, every integration included: what the man pages document. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(LaunchCommand.create(), context, null);
    }

    /** The launcher's own commands; an integration cannot take one of these names. */
    private static final List<String> COMMANDS = List.of("list-integrations", "profile", "env", "doctor", "completion", "help",
            "version");

    /**
     * Adds the launcher's commands to {@code root}, and the integrations this run needs (see
     * needsSubcommand). A launch of an integration needs none of the launcher's commands: building
     * them would only cost picocli reflection on the launch path.
     */
    static CommandLine commandLine(CommandLine root, CliContext context, String named) {
        IntegrationRegistry registry = context.registry();
        boolean launching = named != null && !COMMANDS.contains(named) && registry.find(named).isPresent();
        if (!launching) {
            root.addSubcommand(ListIntegrationsCommand.create(context));
            root.addSubcommand(ProfileCommand.create(context));
            root.addSubcommand(EnvCommand.create(context));
            root.addSubcommand(DoctorCommand.create(context));
            root.addSubcommand(new CommandLine(new CompletionCommand(context)));
            CommandLine help = new CommandLine(new CommandLine.HelpCommand());
            help.getCommandSpec().usageMessage().description("Show the help of launch, or of COMMAND (an integration or command).")
                    .footerHeading("%nExamples:%n").footer("  launch help", "  launch help claude", "  launch help doctor");
            root.addSubcommand(help);
            root.addSubcommand(new CommandLine(new VersionCommand()));
        }
        for (LoadedIntegration li : registry.integrations()) {
            if (COMMANDS.contains(li.id())) {
                context.reporter().warn("integration '" + li.id() + "' from " + li.jar() + " ignored: the name is a launcher command");
                continue;
            }
            if (needsSubcommand(li.id(), named, registry)) {
                root.addSubcommand(IntegrationCommand.create(context, li));
            }
        }
        HelpLayout.applyTo(root, context.env());
        return root;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private int parameterError(ParameterException ex, IntegrationRegistry registry, Reporter reporter) {
        CommandLine cmd = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException u && cmd.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String name = u.getUnmatched().get(0);
            List<PluginProblem> broken = registry.problemsFor(name);
            if (!broken.isEmpty()) {
                reporter.error("integration '" + name + "' is unavailable: " + broken.stream().map(PluginProblem::describe)
                        .collect(java.util.stream.Collectors.joining("; ")));
                return ExitCode.PLUGIN;
            }
            reporter.error(UsageErrors.unknownIntegration(name, cmd));
            return ExitCode.USAGE;
        }
        reporter.error(UsageErrors.describe(ex));
        return ExitCode.USAGE;
    }

    private int executionError(Exception ex, Reporter reporter) {
        if (ex instanceof LauncherException le) {
            return report(le, reporter);
        }
        return internal(ex, reporter);
    }

    private static int report(LauncherException e, Reporter reporter) {
        reporter.error(e.getMessage());
        if (reporter.isDebug() && e.getCause() != null) {
            e.getCause().printStackTrace(reporter.err());
        }
        return e.exitCode();
    }

    private static int internal(Throwable e, Reporter reporter) {
        // The class name stays out of the line (it means nothing to a user); --debug prints the whole trace.
        String what = e.getMessage() == null || e.getMessage().isBlank() ? "an unexpected failure" : Reporter.flatten(e.getMessage());
        reporter.error("internal error: " + what + (reporter.isDebug() ? "" : "; run with --debug for details, and please report it"));
        if (reporter.isDebug()) {
            e.printStackTrace(reporter.err());
        }
        return ExitCode.INTERNAL;
    }

    private Optional<Path> home() {
        String home = env.get("HOME");
        if (home != null && home.startsWith("/")) {
            return Optional.of(Path.of(home));
        }
        String userHome = System.getProperty("user.home");
        return userHome == null || userHome.isEmpty() || userHome.equals("?") ? Optional.empty() : Optional.of(Path.of(userHome));
    }

    /**
     * Building an integration's subcommand costs picocli reflection, so only the one being
     * launched is built, and none for list-integrations; anything else (help, a typo that wants
     * suggestions, another command) gets them all.
     */
    private static boolean needsSubcommand(String id, String named, IntegrationRegistry registry) {
        if (named == null) {
            return true;
        }
        if (named.equals("list-integrations")) {
            return false;
        }
        return named.equals(id) || registry.find(named).isEmpty();
    }

    /** The first argument that is not an option (or an option's value): the command or integration named. */
    private static String firstWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugins-dir")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    private static IntegrationRegistry joined(FutureTask<IntegrationRegistry> loading) {
        try {
            return loading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading plugins", e);
        }
    }

    private static List<Path> pluginDirFlags(String[] args) {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugins-dir") && i + 1 < args.length) {
                dirs.add(Path.of(args[++i]));
            } else if (args[i].startsWith("--plugins-dir=")) {
                dirs.add(Path.of(args[i].substring("--plugins-dir=".length())));
            }
        }
        return dirs;
    }

    /** {@code bin/launch} says where the distribution is; under {@code java -jar} the jar's location tells. */
    static Optional<Path> distributionHome() {
        String prop = System.getProperty("agentlaunch.home");
        if (prop != null && !prop.isEmpty()) {
            return Optional.of(Path.of(prop));
        }
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code) && code.getParent() != null && code.getParent().getFileName() != null
                    && code.getParent().getFileName().toString().equals("lib")) {
                return Optional.ofNullable(code.getParent().getParent());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // unknown location: no built-in plugins dir
        }
        return Optional.empty();
    }
}
