package dev.agentlaunch.core.plugins;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.core.output.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.InvalidPluginDescriptorException;
import org.pf4j.JarPluginManager;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * Finds integrations through PF4J, one plugin manager per search directory so a jar in an
 * earlier directory shadows the same id in a later one. A bad jar never stops discovery: it is
 * recorded as a {@link PluginProblem} and the others load.
 */
public final class PluginLoader {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private final String apiVersion;
    /** Server kinds the plugins add ({@link dev.agentlaunch.api.ModelServer} extensions), from every loading thread. */
    private final List<dev.agentlaunch.api.ModelServer> serverKinds = java.util.Collections.synchronizedList(new ArrayList<>());

    public PluginLoader(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public IntegrationRegistry load(List<PluginDirectory> dirs) {
        List<LoadedIntegration> found = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, LoadedIntegration> byId = new HashMap<>();
        for (PluginDirectory dir : dirs) {
            Path path = dir.path();
            if (!Files.isDirectory(path)) {
                if (dir.explicit()) {
                    warnings.add("plugins dir " + path + " (" + dir.origin() + ") does not exist or is not a directory; "
                            + "using the other plugin dirs");
                }
                continue;
            }
            if (!Files.isReadable(path)) {
                warnings.add("plugins dir " + path + " (" + dir.origin() + ") is not readable; check its permissions");
                continue;
            }
            if (writableByOthers(path)) {
                warnings.add("plugins dir " + path + " refused: it is writable by other users, who could run code as you; "
                        + "fix with: chmod go-w " + path);
                // Each jar is listed as refused too, so 'launch <it>' says why instead of "unknown integration".
                for (Path jar : jars(path)) {
                    problems.add(new PluginProblem(jar, declaredId(jar), "its directory is writable by other users, who could run code "
                            + "as you; fix with: chmod go-w " + path));
                }
                continue;
            }
            for (LoadedIntegration li : loadDirectory(dir, problems)) {
                LoadedIntegration earlier = byId.get(li.id());
                if (earlier != null) {
                    // Earlier directories win (a user may install a newer build of a built-in), loudly.
                    problems.add(new PluginProblem(li.jar(), li.pluginId(), li.id(), "its integration '" + li.id()
                            + "' is shadowed by " + earlier.jar() + " (" + earlier.origin()
                            + ", earlier in the plugin search order); remove one of them if that is not what you want"));
                    continue;
                }
                byId.put(li.id(), li);
                found.add(li);
            }
        }
        return new IntegrationRegistry(found, problems, warnings, List.copyOf(serverKinds));
    }

    /** A directory with at least this many jars per thread is loaded by several threads. */
    private static final int JARS_PER_THREAD = 8;
    private static final int MAX_THREADS = 4;

    private List<LoadedIntegration> loadDirectory(PluginDirectory dir, List<PluginProblem> problems) {
        if (entries(dir.path()) >= 2 * JARS_PER_THREAD) {
            // PF4J's own listing (its filters: jar files, not hidden), in file-name order.
            List<Path> jars = new ArrayList<>(new JarPluginRepository(dir.path()).getPluginPaths());
            jars.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
            int threads = Math.min(MAX_THREADS, Math.min(Runtime.getRuntime().availableProcessors(), jars.size() / JARS_PER_THREAD));
            if (threads > 1) {
                List<LoadedIntegration> split = loadSplit(dir, jars, threads, problems);
                if (split != null) {
                    return split;
                }
            }
        }
        Chunk whole = loadChunk(dir, null, problems);
        if (whole.failure() != null) {
            // e.g. PF4J's dependency resolution: one plugin's Plugin-Dependencies cannot sink the others' dirs
            problems.add(new PluginProblem(dir.path(), null, "its plugins could not be loaded together: " + oneLine(whole.failure())));
        }
        return withoutSameDirectoryConflicts(whole.integrations(), problems);
    }

    /**
     * Loading a plugin is mostly class loading in a cold JVM, so a big directory goes faster split
     * into contiguous runs of jars, one PF4J manager and thread each (100 jars on two cores: 7 %
     * less wall time, bench/README.md). Plugins that depend on each other, a Plugin-Id in two runs
     * or a run that fails as a whole need one manager to see the whole directory: then this
     * returns null and nothing of the split is kept (its plugins' constructors ran once more).
     */
    private List<LoadedIntegration> loadSplit(PluginDirectory dir, List<Path> jars, int threads, List<PluginProblem> problems) {
        List<List<PluginProblem>> found = new ArrayList<>();
        List<java.util.concurrent.FutureTask<Chunk>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            List<Path> part = jars.subList(jars.size() * i / threads, jars.size() * (i + 1) / threads);
            List<PluginProblem> partProblems = new ArrayList<>();
            found.add(partProblems);
            tasks.add(new java.util.concurrent.FutureTask<>(() -> loadChunk(dir, part, partProblems)));
        }
        for (int i = 1; i < threads; i++) {
            Thread t = new Thread(tasks.get(i), "plugin-loader-" + i);
            t.setDaemon(true);
            t.start();
        }
        tasks.get(0).run();
        List<Chunk> chunks = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (java.util.concurrent.FutureTask<Chunk> task : tasks) {
            Chunk chunk;
            try {
                chunk = task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (chunk.failure() != null || chunk.dependent() || chunk.pluginIds().stream().anyMatch(id -> !ids.add(id))) {
                return null;
            }
            chunks.add(chunk);
        }
        List<LoadedIntegration> result = new ArrayList<>();
        chunks.forEach(c -> result.addAll(c.integrations()));
        found.forEach(problems::addAll);
        return withoutSameDirectoryConflicts(result, problems);
    }

    /**
     * One PF4J manager's load.
     *
     * @param failure   set when the manager could not load its plugins at all
     * @param pluginIds every Plugin-Id its jars declared
     * @param dependent whether any of its plugins depends on another plugin
     */
    private record Chunk(List<LoadedIntegration> integrations, Throwable failure, Set<String> pluginIds, boolean dependent) {
    }

    /** The plugins of {@code jars} in {@code dir} (null: all of its jars). */
    private Chunk loadChunk(PluginDirectory dir, List<Path> jars, List<PluginProblem> problems) {
        DirectoryPluginManager manager = new DirectoryPluginManager(dir.path(), jars, apiVersion, problems);
        try {
            manager.loadPlugins();
            manager.startPlugins();
        } catch (RuntimeException | LinkageError e) {
            return new Chunk(List.of(), e, Set.of(), false);
        }
        Set<String> pluginIds = new java.util.HashSet<>(manager.duplicates.keySet());
        boolean dependent = false;
        for (PluginWrapper plugin : manager.getPlugins()) {
            pluginIds.add(plugin.getPluginId());
            dependent |= !plugin.getDescriptor().getDependencies().isEmpty();
        }
        List<LoadedIntegration> result = new ArrayList<>();
        List<PluginWrapper> plugins = new ArrayList<>(manager.getPlugins());
        // File-system order is arbitrary: sort by file name so listings and id conflicts are deterministic.
        plugins.sort(java.util.Comparator.comparing(p -> p.getPluginPath().getFileName().toString()));
        for (PluginWrapper plugin : plugins) {
            String pluginId = plugin.getPluginId();
            Path jar = plugin.getPluginPath();
            Path twin = manager.duplicates.get(pluginId);
            if (twin != null) {
                problems.add(new PluginProblem(jar, pluginId, "its Plugin-Id '" + pluginId + "' is also used by " + twin
                        + " in the same directory; remove one of them"));
                continue;
            }
            if (plugin.getPluginState() == PluginState.DISABLED) {
                problems.add(new PluginProblem(jar, pluginId, "it requires launcher-api "
                        + plugin.getDescriptor().getRequires() + " but this launcher provides " + apiVersion
                        + "; install a plugin version built for launcher-api " + apiVersion));
                continue;
            }
            if (plugin.getPluginState() != PluginState.STARTED) {
                problems.add(new PluginProblem(jar, pluginId, "it failed to start: " + oneLine(plugin.getFailedException())));
                continue;
            }
            List<Class<? extends Integration>> classes;
            try {
                classes = manager.getExtensionClasses(Integration.class, pluginId);
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(jar, pluginId, "its integration could not be found: " + oneLine(e)));
                continue;
            }
            boolean addsKinds = addServerKinds(manager, pluginId, jar, problems);
            if (classes.isEmpty() && addsKinds) {
                continue;
            }
            if (classes.isEmpty()) {
                problems.add(new PluginProblem(jar, pluginId, "it has no Integration extension (is the class annotated with @Extension?)"));
                continue;
            }
            for (Class<? extends Integration> type : classes) {
                Integration integration;
                try {
                    // Created here, not through getExtensions(), which would log a constructor's failure and drop it.
                    integration = manager.getExtensionFactory().create(type);
                } catch (RuntimeException | LinkageError e) {
                    problems.add(new PluginProblem(jar, pluginId, "its integration " + type.getSimpleName()
                            + " could not be created: " + oneLine(e)));
                    continue;
                }
                String id;
                try {
                    id = integration.id();
                } catch (RuntimeException | LinkageError e) {
                    problems.add(new PluginProblem(jar, pluginId, "its id() failed: " + oneLine(e)));
                    continue;
                }
                if (id == null || !ID.matcher(id).matches()) {
                    problems.add(new PluginProblem(jar, pluginId, "its integration id '" + id
                            + "' is not a lower-case word (letters, digits, '-')"));
                    continue;
                }
                String broken = describeFailure(integration);
                if (broken != null) {
                    problems.add(new PluginProblem(jar, pluginId, id, broken));
                    continue;
                }
                result.add(new LoadedIntegration(integration, pluginId, plugin.getDescriptor().getVersion(),
                        plugin.getDescriptor().getRequires(), jar, dir.origin()));
            }
        }
        return new Chunk(result, null, pluginIds, dependent);
    }

    /** Creates the plugin's server kinds, if it has any; true when it added at least one. */
    private boolean addServerKinds(DirectoryPluginManager manager, String pluginId, Path jar, List<PluginProblem> problems) {
        List<Class<? extends dev.agentlaunch.api.ModelServer>> types;
        try {
            types = manager.getExtensionClasses(dev.agentlaunch.api.ModelServer.class, pluginId);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
        boolean added = false;
        for (Class<? extends dev.agentlaunch.api.ModelServer> type : types) {
            try {
                dev.agentlaunch.api.ModelServer kind = manager.getExtensionFactory().create(type);
                String name = kind.kind();
                if (name == null || !ID.matcher(name).matches() || kind.displayName() == null || kind.probePaths() == null
                        || kind.wireApis() == null) {
                    problems.add(new PluginProblem(jar, pluginId, "its server kind " + type.getSimpleName()
                            + " has no valid kind(), displayName(), probePaths() or wireApis()"));
                    continue;
                }
                serverKinds.add(kind);
                added = true;
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(jar, pluginId, "its server kind " + type.getSimpleName()
                        + " could not be created: " + oneLine(e)));
            }
        }
        return added;
    }

    /**
     * The metadata every command reads (help, listing) must not throw or be null, so a broken
     * plugin fails here, once, and not in the middle of another command.
     */
    private static String describeFailure(Integration integration) {
        Map<String, java.util.function.Supplier<Object>> calls = new java.util.LinkedHashMap<>();
        calls.put("displayName", integration::displayName);
        calls.put("executableNames", integration::executableNames);
        calls.put("installHint", integration::installHint);
        calls.put("tierRoles", integration::tierRoles);
        calls.put("provenToolVersions", integration::provenToolVersions);
        for (Map.Entry<String, java.util.function.Supplier<Object>> call : calls.entrySet()) {
            try {
                if (call.getValue().get() == null) {
                    return "its " + call.getKey() + "() returned null";
                }
            } catch (RuntimeException | LinkageError e) {
                return "its " + call.getKey() + "() failed: " + oneLine(e);
            }
        }
        return null;
    }

    /** Two plugins of one directory claiming one id: neither wins (directory order is no order). */
    private static List<LoadedIntegration> withoutSameDirectoryConflicts(List<LoadedIntegration> found,
                                                                         List<PluginProblem> problems) {
        Map<String, List<LoadedIntegration>> byId = new java.util.LinkedHashMap<>();
        found.forEach(li -> byId.computeIfAbsent(li.id(), k -> new ArrayList<>()).add(li));
        List<LoadedIntegration> result = new ArrayList<>();
        for (List<LoadedIntegration> claims : byId.values()) {
            if (claims.size() == 1) {
                result.add(claims.get(0));
                continue;
            }
            for (LoadedIntegration li : claims) {
                String others = claims.stream().filter(o -> o != li).map(o -> o.jar().toString())
                        .collect(java.util.stream.Collectors.joining(", "));
                problems.add(new PluginProblem(li.jar(), li.pluginId(), li.id(), "its integration '" + li.id()
                        + "' is also claimed by " + others + " in the same directory; remove one of them"));
            }
        }
        return result;
    }

    /** How many entries {@code dir} has: a cheap first look before listing it the way PF4J does. */
    private static int entries(Path dir) {
        String[] names = dir.toFile().list();
        return names == null ? 0 : names.length;
    }

    private static List<Path> jars(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The {@code Plugin-Id} a refused jar declares, read from its manifest (no code of it runs), so
     * that launching it names it as refused rather than unknown; null when it cannot be read.
     */
    static String declaredId(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile(), false)) {
            java.util.jar.Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static boolean writableByOthers(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            return perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;   // not a POSIX file system: nothing to check
        }
    }

    static String oneLine(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The message, never the exception's class: a Java class name means nothing to a user (--debug shows it).
        String msg = root.getMessage();
        if (msg == null || msg.isBlank()) {
            return root instanceof java.util.zip.ZipException || root instanceof java.io.IOException ? "it cannot be read as a jar"
                    : root instanceof LinkageError ? "it does not link against this launcher's API" : "it failed to load";
        }
        return Reporter.flatten(msg);
    }

    /** PF4J's jar manager confined to one directory, in deployment mode, recording failures. */
    private static final class DirectoryPluginManager extends JarPluginManager {
        private final List<PluginProblem> problems;
        /** Plugin-Id → the second jar of this directory that used it. */
        final Map<String, Path> duplicates = new HashMap<>();

        /** The jars this manager loads, null for all of the directory's; read only once loading starts. */
        private final List<Path> jars;

        DirectoryPluginManager(Path dir, List<Path> jars, String apiVersion, List<PluginProblem> problems) {
            super(dir);
            this.jars = jars;
            this.problems = problems;
            setSystemVersion(apiVersion);
        }

        @Override
        protected PluginRepository createPluginRepository() {
            // Called by PF4J's constructor, before this class's fields are set: hence the lazy look at 'jars'.
            PluginRepository all = super.createPluginRepository();
            return new PluginRepository() {
                @Override
                public List<Path> getPluginPaths() {
                    return jars == null ? all.getPluginPaths() : jars;
                }

                @Override
                public boolean deletePluginPath(Path pluginPath) {
                    return false;       // the launcher never deletes a user's plugin
                }
            };
        }

        @Override
        public RuntimeMode getRuntimeMode() {
            return RuntimeMode.DEPLOYMENT;
        }

        @Override
        protected boolean isPluginValid(PluginWrapper plugin) {
            try {
                return super.isPluginValid(plugin);
            } catch (RuntimeException e) {
                throw new InvalidPluginDescriptorException("Plugin-Requires '" + plugin.getDescriptor().getRequires()
                        + "' is not a version range such as ^1.0.0");
            }
        }

        @Override
        protected PluginWrapper loadPluginFromPath(Path pluginPath) {
            if (writableByOthers(pluginPath)) {
                problems.add(new PluginProblem(pluginPath, declaredId(pluginPath), "it is writable by other users, who could run code as you; "
                        + "fix with: chmod go-w " + pluginPath));
                return null;
            }
            try {
                PluginDescriptor descriptor = getPluginDescriptorFinder().find(pluginPath);
                PluginWrapper twin = descriptor.getPluginId() == null ? null : getPlugin(descriptor.getPluginId());
                if (twin != null) {
                    duplicates.put(twin.getPluginId(), pluginPath);
                    problems.add(new PluginProblem(pluginPath, twin.getPluginId(), "its Plugin-Id '" + twin.getPluginId()
                            + "' is also used by " + twin.getPluginPath() + " in the same directory; remove one of them"));
                    return null;
                }
                return super.loadPluginFromPath(pluginPath);
            } catch (InvalidPluginDescriptorException e) {
                problems.add(new PluginProblem(pluginPath, null, String.valueOf(e.getMessage()).contains("'id'")
                        ? "it has no plugin descriptor (Plugin-Id and Plugin-Version in META-INF/MANIFEST.MF)"
                        : "its plugin descriptor is invalid: " + Reporter.flatten(e.getMessage())));
                return null;
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(pluginPath, null, "it is not a valid plugin jar: " + oneLine(e)));
                return null;
            }
        }
    }
}
