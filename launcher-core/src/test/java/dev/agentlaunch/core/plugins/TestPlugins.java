package dev.agentlaunch.core.plugins;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars inside a test, as a third party would: tiny integration sources compiled
 * with {@code javax.tools} against launcher-api and PF4J (the test classpath), packed with
 * {@code java.util.jar} with a PF4J manifest and {@code META-INF/extensions.idx}.
 */
final class TestPlugins {
    private TestPlugins() {
    }

    /**
     * An integration class {@code test.<pkg>.Tool} with the given id, constructor body and
     * {@code tierEnv} body (which sees {@code plan}).
     */
    static String integration(String pkg, String id, String constructorBody, String tierEnvBody) {
        return """
                package test.%s;

                import dev.agentlaunch.api.Integration;
                import dev.agentlaunch.api.Tier;
                import dev.agentlaunch.api.TierPlan;
                import java.util.EnumMap;
                import java.util.List;
                import java.util.Map;

                @org.pf4j.Extension
                public class Tool implements Integration {
                    public Tool() { %s }
                    public String id() { return "%s"; }
                    public String displayName() { return "Tool %s"; }
                    public List<String> executableNames() { return List.of("%s-cli"); }
                    public String installHint() { return "install %s-cli"; }
                    public Map<Tier, String> tierRoles() {
                        Map<Tier, String> roles = new EnumMap<>(Tier.class);
                        for (Tier t : Tier.values()) { roles.put(t, "all work"); }
                        return roles;
                    }
                    public Map<String, String> tierEnv(TierPlan plan) { %s }
                }
                """.formatted(pkg, constructorBody, id, id, id, id, tierEnvBody);
    }

    /** Compiles {@code sources} (class name → source) into {@code out} in one javac run. */
    static void compile(Path out, Map<String, String> sources, List<Path> extraClasspath) throws IOException {
        Path src = Files.createDirectories(out.resolveSibling(out.getFileName() + "-src"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file.toString());
        }
        StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
        extraClasspath.forEach(p -> cp.append(File.pathSeparator).append(p));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString(),
                "-cp", cp.toString()));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test plugin sources did not compile:\n" + err.toString(StandardCharsets.UTF_8)
                    + diagnostics);
        }
    }

    /** A PF4J manifest: Plugin-Id, Plugin-Version 1.0.0, and {@code Plugin-Requires} when not null. */
    static Map<String, String> descriptor(String pluginId, String requires) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Plugin-Id", pluginId);
        m.put("Plugin-Version", "1.0.0");
        if (requires != null) {
            m.put("Plugin-Requires", requires);
        }
        return m;
    }

    /** Writes a plugin jar: the manifest, the classes of {@code test.<pkg>}, the extension index, extra jars' contents. */
    static Path jar(Path file, Map<String, String> manifest, Path classes, String pkg, List<Path> bundled) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Files.createDirectories(file.getParent());
        Set<String> written = new HashSet<>();
        try (OutputStream os = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(os, mf)) {
            Path dir = classes.resolve("test").resolve(pkg);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    put(jar, classes.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p), written);
                }
            }
            put(jar, "META-INF/extensions.idx", ("test." + pkg + ".Tool\n").getBytes(StandardCharsets.UTF_8), written);
            for (Path lib : bundled) {
                try (JarFile in = new JarFile(lib.toFile())) {
                    for (JarEntry e : in.stream().toList()) {
                        if (!e.isDirectory() && e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                            try (InputStream is = in.getInputStream(e)) {
                                put(jar, e.getName(), is.readAllBytes(), written);
                            }
                        }
                    }
                }
            }
        }
        return file;
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes, Set<String> written) throws IOException {
        if (written.add(name)) {
            jar.putNextEntry(new JarEntry(name));
            jar.write(bytes);
            jar.closeEntry();
        }
    }
}
