package dev.agentlaunch.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin host cannot be broken by a bad jar: for every kind of broken plugin, the healthy
 * integration next to it still works, {@code list-integrations} shows the broken one with a
 * one-line reason, and launching it fails with one line naming the plugin file and exit 4.
 * The plugin jars are compiled and packed by the test itself ({@link TestPlugins}).
 */
class PluginHostRobustnessTest {
    static final String OK_ENV = "return Map.of(\"TOOL_MODEL\", plan.model(Tier.LARGE));";

    @TempDir
    static Path shared;
    static Path classes;

    @TempDir
    Path tmp;
    Path home;
    Path plugins;

    @BeforeAll
    static void compilePlugins() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("test.good.Tool", TestPlugins.integration("good", "good", "", OK_ENV));
        sources.put("test.ctor.Tool", TestPlugins.integration("ctor", "ctor", "if (true) throw new IllegalStateException(\"no config\");", OK_ENV));
        sources.put("test.envthrows.Tool", TestPlugins.integration("envthrows", "envthrows", "",
                "throw new IllegalArgumentException(\"boom\\nsecond line\");"));
        sources.put("test.envnull.Tool", TestPlugins.integration("envnull", "envnull", "", "return null;"));
        sources.put("test.envequals.Tool", TestPlugins.integration("envequals", "envequals", "", "return Map.of(\"A=B\", \"x\");"));
        sources.put("test.envnul.Tool", TestPlugins.integration("envnul", "envnul", "", "return Map.of(\"A\\0B\", \"x\");"));
        sources.put("test.valuenul.Tool", TestPlugins.integration("valuenul", "valuenul", "", "return Map.of(\"OK\", \"a\\0b\");"));
        sources.put("test.dupone.Tool", TestPlugins.integration("dupone", "dup", "", OK_ENV));
        sources.put("test.duptwo.Tool", TestPlugins.integration("duptwo", "dup", "", OK_ENV));
        sources.put("test.builtin.Tool", TestPlugins.integration("builtin", "claude", "", OK_ENV));
        sources.put("test.shadow.Tool", TestPlugins.integration("shadow", "claude", "",
                "return Map.of(\"TOOL_MODEL\", plan.model(Tier.LARGE), \"SHADOW\", \"yes\");"));
        sources.put("test.jackson.Tool", TestPlugins.integration("jackson", "jackson", "", """
                try {
                    return Map.of("JACKSON_VERSION", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(),
                            "TOOL_CONFIG", new com.fasterxml.jackson.databind.ObjectMapper()
                                    .writeValueAsString(Map.of("model", plan.model(Tier.LARGE))));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }"""));
        classes = Files.createDirectories(shared.resolve("classes"));
        TestPlugins.compile(classes, sources, otherJackson());
    }

    static List<Path> otherJackson() throws IOException {
        Path dir = Path.of(System.getProperty("agentlaunch.otherJackson", "target/other-jackson"));
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    @BeforeEach
    void dirs() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        plugin(plugins, "good", "good");
    }

    static Path plugin(Path dir, String pkg, String pluginId) throws IOException {
        return TestPlugins.jar(dir.resolve(pluginId + ".jar"), TestPlugins.descriptor(pluginId, "^1.0.0"), classes, pkg, List.of());
    }

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Run launch(Optional<Path> distribution, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin");
        List<String> all = new ArrayList<>(List.of("--plugins-dir", plugins.toString()));
        all.addAll(Arrays.asList(args));
        int exit = new Main(env, new PrintWriter(out), new PrintWriter(err, true), null, distribution)
                .run(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    Run launch(String... args) {
        return launch(Optional.empty(), args);
    }

    /** The broken plugins that fail while loading: they never become a subcommand. */
    static Stream<Arguments> brokenAtLoad() {
        return Stream.of(
                Arguments.of("not a zip", "nozip", "not a valid plugin jar"),
                Arguments.of("no descriptor", "nodesc", "no plugin descriptor"),
                Arguments.of("broken descriptor", "baddesc", "Plugin-Requires"),
                Arguments.of("newer launcher-api major", "future", "requires launcher-api ^2.0.0"),
                Arguments.of("constructor throws", "ctor", "could not be created: no config"));
    }

    Path writeBroken(String name) throws IOException {
        return switch (name) {
            case "nozip" -> Files.writeString(plugins.resolve("nozip.jar"), "this is not a zip file\n");
            case "nodesc" -> TestPlugins.jar(plugins.resolve("nodesc.jar"), Map.of(), classes, "good", List.of());
            case "baddesc" -> TestPlugins.jar(plugins.resolve("baddesc.jar"), TestPlugins.descriptor("baddesc", ">>1.0 <<"),
                    classes, "good", List.of());
            case "future" -> TestPlugins.jar(plugins.resolve("future.jar"), TestPlugins.descriptor("future", "^2.0.0"),
                    classes, "good", List.of());
            case "ctor" -> plugin(plugins, "ctor", "ctor");
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAtLoad")
    void aPluginBrokenAtLoadIsListedAndRefusedWhileTheOthersWork(String what, String name, String reason) throws IOException {
        Path jar = writeBroken(name);

        Run list = launch("list-integrations");
        assertEquals(0, list.exit(), list::toString);
        assertTrue(list.out().startsWith("good "), "the healthy integration is listed: " + list);
        String reasonLine = reasonLine(list.out(), jar);
        assertTrue(reasonLine.contains(reason), "one-line reason for " + what + ": " + list);

        Run good = launch("good", "--model", "m:1", "--dry-run", "--offline");
        assertEquals(0, good.exit(), good::toString);
        assertTrue(hasEnv(good.out(), "TOOL_MODEL", "m:1"), good::toString);

        Run broken = launch(name, "--model", "m:1", "--dry-run", "--offline");
        assertEquals(ExitCode.PLUGIN, broken.exit(), broken::toString);
        assertEquals(1, broken.errLines().size(), broken::toString);
        assertTrue(broken.err().contains(jar.toString()), "names the plugin file: " + broken);
        assertTrue(broken.err().contains(reason), broken::toString);
    }

    /** The dry run's env section sets {@code name} to {@code value}. */
    static boolean hasEnv(String dryRun, String name, String value) {
        return dryRun.lines().anyMatch(l -> l.matches("\\s+" + name + "\\s+= " + java.util.regex.Pattern.quote(value) + "(\\s.*)?"));
    }

    /** The reason printed under the failed plugin's row in the text listing. */
    static String reasonLine(String listing, Path jar) {
        List<String> lines = listing.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).trim().equals("plugin    " + jar)) {
                assertTrue(lines.get(i + 1).trim().startsWith("reason "), listing);
                return lines.get(i + 1);
            }
        }
        throw new AssertionError("no failed-plugin row for " + jar + ":\n" + listing);
    }

    static Stream<Arguments> brokenAtLaunch() {
        return Stream.of(
                Arguments.of("envthrows", "failed in tierEnv: boom second line"),
                Arguments.of("envnull", "returned null from tierEnv"),
                Arguments.of("envequals", "invalid environment variable name 'A=B'"),
                Arguments.of("envnul", "invalid environment variable name 'A\\0B'"),
                Arguments.of("valuenul", "set OK to a value containing NUL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAtLaunch")
    void aPluginBrokenInTierEnvIsListedAndRefusedWhileTheOthersWork(String name, String reason) throws IOException {
        Path jar = plugin(plugins, name, name);

        Run list = launch("list-integrations");
        assertEquals(0, list.exit(), list::toString);
        assertTrue(list.out().contains("good "), list::toString);
        assertTrue(reasonLine(list.out(), jar).contains(reason), list::toString);

        Run good = launch("good", "--model", "m:1", "--dry-run", "--offline");
        assertEquals(0, good.exit(), good::toString);

        Run broken = launch(name, "--model", "m:1", "--dry-run", "--offline");
        assertEquals(ExitCode.PLUGIN, broken.exit(), broken::toString);
        assertEquals(1, broken.errLines().size(), broken::toString);
        assertTrue(broken.err().contains(jar.toString()) && broken.err().contains(reason), broken::toString);
        assertFalse(broken.err().contains("\tat "), "no stack trace without --debug: " + broken);
    }

    @Test
    void twoPluginsInOneDirectoryClaimingOneIdAreBothRefused() throws IOException {
        Path one = plugin(plugins, "dupone", "dup-one");
        Path two = plugin(plugins, "duptwo", "dup-two");

        Run list = launch("list-integrations");
        assertEquals(0, list.exit(), list::toString);
        assertTrue(reasonLine(list.out(), one).contains(two.toString()), list::toString);
        assertTrue(reasonLine(list.out(), two).contains(one.toString()), list::toString);
        assertEquals(0, launch("good", "--model", "m:1", "--dry-run", "--offline").exit());

        Run dup = launch("dup", "--model", "m:1", "--dry-run", "--offline");
        assertEquals(ExitCode.PLUGIN, dup.exit(), dup::toString);
        assertEquals(1, dup.errLines().size(), dup::toString);
        assertTrue(dup.err().contains("dup-one.jar") && dup.err().contains("dup-two.jar"), dup::toString);
    }

    @Test
    void aPluginShadowingABuiltInIdWinsAndTheBuiltInIsListedAsShadowed() throws IOException {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        Path builtIn = plugin(Files.createDirectories(dist.resolve("plugins")), "builtin", "claude");
        Path shadow = plugin(plugins, "shadow", "my-claude");

        Run list = launch(Optional.of(dist), "list-integrations");
        assertEquals(0, list.exit(), list::toString);
        assertTrue(list.out().contains("my-claude 1.0.0 (--plugins-dir, " + shadow + ")"), list::toString);
        assertTrue(reasonLine(list.out(), builtIn).contains("shadowed by " + shadow), list::toString);

        Run run = launch(Optional.of(dist), "claude", "--model", "m:1", "--dry-run", "--offline");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(hasEnv(run.out(), "SHADOW", "yes"), "the earlier directory's plugin runs: " + run);
        assertTrue(run.err().contains("shadowed by " + shadow), "and says so on every launch: " + run);
    }

    @Test
    void aGroupWritablePluginsDirIsRefusedWithTheFix() throws IOException {
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxr-x"));

        Run list = launch("list-integrations");

        assertFalse(list.out().startsWith("good "), "nothing is loaded from it: " + list);
        assertTrue(list.err().contains("chmod go-w " + plugins), list::toString);
        assertTrue(reasonLine(list.out(), plugins.resolve("good.jar")).contains("chmod go-w " + plugins), list::toString);
        Run good = launch("good", "--model", "m:1", "--dry-run", "--offline");
        assertEquals(ExitCode.PLUGIN, good.exit(), good::toString);
        assertTrue(good.errLines().get(good.errLines().size() - 1).contains(plugins.resolve("good.jar") + " skipped: its directory "
                + "is writable by other users"), good::toString);
    }

    @Test
    void aWorldWritablePluginJarIsRefusedWithTheFix() throws IOException {
        Path jar = plugin(plugins, "ctor", "ctor");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));

        Run list = launch("list-integrations");
        assertTrue(reasonLine(list.out(), jar).contains("writable by other users"), list::toString);
        assertTrue(reasonLine(list.out(), jar).contains("chmod go-w " + jar), list::toString);
        assertEquals(0, launch("good", "--model", "m:1", "--dry-run", "--offline").exit());
        Run run = launch("ctor", "--model", "m:1", "--dry-run", "--offline");
        assertEquals(ExitCode.PLUGIN, run.exit(), run::toString);
        assertTrue(run.err().contains("chmod go-w " + jar), run::toString);
    }

    @Test
    void debugShowsWhereEachPluginWasFound() throws IOException {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        Path builtIn = plugin(Files.createDirectories(dist.resolve("plugins")), "builtin", "claude");

        Run run = launch(Optional.of(dist), "--debug", "list-integrations");

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.err().contains("integration 'good' from " + plugins.resolve("good.jar") + " (--plugins-dir)"), run::toString);
        assertTrue(run.err().contains("integration 'claude' from " + builtIn + " (built-in)"), run::toString);
        assertTrue(run.err().contains("plugins dir " + plugins + " (--plugins-dir)"), run::toString);
        assertFalse(launch(Optional.of(dist), "list-integrations").err().contains(builtIn.toString()), "quiet without --debug");
    }

    @Test
    void aPluginBundlingItsOwnJacksonUsesItsOwn() throws IOException {
        Path jar = TestPlugins.jar(plugins.resolve("jackson.jar"), TestPlugins.descriptor("jackson", "^1.0.0"), classes,
                "jackson", otherJackson());

        Run run = launch("jackson", "--model", "m:1", "--dry-run", "--offline");

        assertEquals(0, run.exit(), run::toString);
        assertTrue(hasEnv(run.out(), "JACKSON_VERSION", "2.17.2"), "the plugin's own Jackson, not the launcher's: " + run);
        assertTrue(run.out().contains("{\"model\":\"m:1\"}"), run::toString);
        Run json = launch("list-integrations", "--json");
        assertEquals(0, json.exit(), json::toString);
        assertTrue(json.out().contains("\"jar\" : \"" + jar + "\""), "the launcher's own Jackson still works: " + json);
    }
}
