package dev.agentlaunch.core.plugins;

import dev.agentlaunch.api.Integration;
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
import org.pf4j.JarPluginManager;
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
                continue;
            }
            for (LoadedIntegration li : loadDirectory(dir, problems)) {
                LoadedIntegration earlier = byId.get(li.id());
                if (earlier != null) {
                    warnings.add("integration '" + li.id() + "' from " + li.jar() + " ignored: " + earlier.jar()
                            + " already provides it (earlier in the plugin search order)");
                    continue;
                }
                byId.put(li.id(), li);
                found.add(li);
            }
        }
        return new IntegrationRegistry(found, problems, warnings);
    }

    private List<LoadedIntegration> loadDirectory(PluginDirectory dir, List<PluginProblem> problems) {
        DirectoryPluginManager manager = new DirectoryPluginManager(dir.path(), apiVersion, problems);
        manager.loadPlugins();
        manager.startPlugins();
        List<LoadedIntegration> result = new ArrayList<>();
        List<PluginWrapper> plugins = new ArrayList<>(manager.getPlugins());
        // File-system order is arbitrary: sort by file name so listings and id conflicts are deterministic.
        plugins.sort(java.util.Comparator.comparing(p -> p.getPluginPath().getFileName().toString()));
        for (PluginWrapper plugin : plugins) {
            String pluginId = plugin.getPluginId();
            Path jar = plugin.getPluginPath();
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
            List<Integration> extensions;
            try {
                extensions = manager.getExtensions(Integration.class, pluginId);
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(jar, pluginId, "its integration could not be created: " + oneLine(e)));
                continue;
            }
            if (extensions.isEmpty()) {
                problems.add(new PluginProblem(jar, pluginId, "it has no Integration extension (is the class annotated with @Extension?)"));
                continue;
            }
            for (Integration integration : extensions) {
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
                result.add(new LoadedIntegration(integration, pluginId, plugin.getDescriptor().getVersion(),
                        plugin.getDescriptor().getRequires(), jar, dir.origin()));
            }
        }
        return result;
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
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return msg.replaceAll("\\s+", " ").trim();
    }

    /** PF4J's jar manager confined to one directory, in deployment mode, recording failures. */
    private static final class DirectoryPluginManager extends JarPluginManager {
        private final List<PluginProblem> problems;

        DirectoryPluginManager(Path dir, String apiVersion, List<PluginProblem> problems) {
            super(dir);
            this.problems = problems;
            setSystemVersion(apiVersion);
        }

        @Override
        public RuntimeMode getRuntimeMode() {
            return RuntimeMode.DEPLOYMENT;
        }

        @Override
        protected PluginWrapper loadPluginFromPath(Path pluginPath) {
            if (writableByOthers(pluginPath)) {
                problems.add(new PluginProblem(pluginPath, null, "it is writable by other users, who could run code as you; "
                        + "fix with: chmod go-w " + pluginPath));
                return null;
            }
            try {
                return super.loadPluginFromPath(pluginPath);
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(pluginPath, null, "it is not a valid plugin jar: " + oneLine(e)));
                return null;
            }
        }
    }
}
