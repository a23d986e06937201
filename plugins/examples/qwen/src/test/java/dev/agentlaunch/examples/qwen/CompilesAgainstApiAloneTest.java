package dev.agentlaunch.examples.qwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API stability, from a plugin author's side: this plugin's sources compile against the
 * launcher-api jar and PF4J (the API's one declared dependency) and nothing else of the launcher,
 * and the API jar's own version satisfies the range the plugin declares in Plugin-Requires.
 */
class CompilesAgainstApiAloneTest {
    @TempDir
    Path out;

    static Path onClasspath(String artifact) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.toString().contains(artifact)).findFirst()
                .orElseThrow(() -> new AssertionError(artifact + " is not on the test classpath"));
    }

    @Test
    void theExampleCompilesAgainstTheApiJarAndPf4jOnly() throws IOException {
        Path api = onClasspath("launcher-api");
        Path pf4j = onClasspath("pf4j");
        // The launcher is on the test class path only as the plugin authors' test kit; the
        // compile below sees launcher-api and PF4J alone.
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString(),
                "-cp", api + File.pathSeparator + pf4j));
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, args.toArray(String[]::new));

        assertEquals(0, rc, () -> err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(out.resolve("dev/agentlaunch/examples/qwen/QwenIntegration.class")));
    }

    @Test
    void theApiVersionSatisfiesThePluginsRequirement() throws IOException {
        Path api = onClasspath("launcher-api");
        String version;
        if (Files.isDirectory(api)) {
            version = Files.readString(api.resolve("dev/agentlaunch/api/launcher-api.properties")).replaceAll("(?s).*version=(\\S+).*", "$1");
        } else {
            try (JarFile jar = new JarFile(api.toFile())) {
                version = jar.getManifest().getMainAttributes().getValue("Launcher-Api-Version");
            }
        }
        String pom = Files.readString(Path.of("pom.xml"));
        String requires = pom.replaceAll("(?s).*<Plugin-Requires>\\^([0-9.]+)</Plugin-Requires>.*", "$1");
        int[] have = Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] need = Arrays.stream(requires.split("\\.")).mapToInt(Integer::parseInt).toArray();
        assertEquals(need[0], have[0], "same major: " + version + " vs ^" + requires);
        assertTrue(have[1] > need[1] || have[1] == need[1] && have[2] >= need[2], version + " satisfies ^" + requires);
    }
}
