package dev.agentlaunch.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.core.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list-integrations} tells a plugin's id, version, the launcher-api range it requires and
 * the tool versions it was proven on, and warns when the installed tool is another version.
 */
class ListIntegrationsPluginInfoTest {
    @TempDir
    static Path shared;
    static Path classes;

    @TempDir
    Path tmp;
    Path plugins;
    Path bin;

    @BeforeAll
    static void compile() throws IOException {
        String source = TestPlugins.integration("proven", "proven", "", "return Map.of(\"PROVEN_MODEL\", plan.model(Tier.LARGE));");
        source = source.substring(0, source.lastIndexOf('}'))
                + "    public List<String> provenToolVersions() { return List.of(\"1.2.2\", \"1.2.3\"); }\n}\n";
        classes = Files.createDirectories(shared.resolve("classes"));
        TestPlugins.compile(classes, Map.of("test.proven.Tool", source), List.of());
    }

    @BeforeEach
    void setUp() throws IOException {
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        TestPlugins.jar(plugins.resolve("proven-1.0.0.jar"), TestPlugins.descriptor("proven", "^1.1.0"), classes, "proven", List.of());
        bin = Files.createDirectories(tmp.resolve("bin"));
    }

    void installTool(String versionLine) throws IOException {
        Path tool = bin.resolve("proven-cli");
        Files.writeString(tool, "#!/bin/sh\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("HOME", tmp.toString(), "PATH", bin + ":/usr/bin:/bin");
        String[] all = new String[args.length + 2];
        all[0] = "--plugins-dir";
        all[1] = plugins.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new Main(env, new PrintWriter(out), new PrintWriter(err, true), null, Optional.empty()).run(all);
        assertEquals(0, exit, err::toString);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void jsonCarriesPluginIdVersionApiRangeAndProvenToolVersions() throws IOException {
        installTool("Proven Tool 1.2.3 (build 7)");

        String[] r = run("list-integrations", "--json");

        JsonNode row = new ObjectMapper().readTree(r[0]).path("integrations").get(0);
        assertEquals("proven", row.path("id").asText());
        assertEquals("proven", row.path("plugin").path("id").asText());
        assertEquals("1.0.0", row.path("plugin").path("version").asText());
        assertEquals("^1.1.0", row.path("plugin").path("requires").asText());
        assertEquals("[\"1.2.2\",\"1.2.3\"]", row.path("provenToolVersions").toString());
        assertEquals("1.2.3", row.path("version").asText(), "the installed tool's version");
        assertEquals("", r[1], "a proven version draws no warning");
    }

    @Test
    void notesOnceWhenTheInstalledToolIsOutsideTheProvenRange() throws IOException {
        installTool("proven-cli version 2.0.0");

        String[] r = run("list-integrations");

        assertTrue(r[0].contains("installed: " + bin.resolve("proven-cli") + " (2.0.0)"), r[0]);
        assertTrue(r[0].contains("proven on Tool proven 1.2.2 to 1.2.3"), r[0]);
        List<String> notes = r[1].lines().toList();
        assertEquals(1, notes.size(), r[1]);
        assertTrue(notes.get(0).startsWith("launch: Tool proven 2.0.0 at " + bin.resolve("proven-cli")
                + " is newer than the versions the 'proven' plugin was proven on (1.2.2 to 1.2.3)"), r[1]);
    }

    @Test
    void aVersionInsideTheRangeDrawsNoNoteEvenWhenNotListed() throws IOException {
        installTool("proven-cli version 1.2.3-rc.1");   // between 1.2.2 and 1.2.3

        String[] r = run("list-integrations");

        assertTrue(r[0].contains("(1.2.3-rc.1)"), r[0]);
        assertEquals("", r[1], "inside the proven range");
    }

    @Test
    void aLaunchNeverAsksTheToolForItsVersion() throws IOException {
        Path marker = tmp.resolve("asked");
        Path tool = bin.resolve("proven-cli");
        Files.writeString(tool, "#!/bin/sh\ntouch '" + marker + "'\necho 9.9.9\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        String[] r = run("proven", "--model", "m:1", "--dry-run", "--offline");

        assertTrue(r[0].contains("PROVEN_MODEL"), r[0]);
        assertFalse(Files.exists(marker), "the dry run did not run the tool");
        run("list-integrations");
        assertTrue(Files.exists(marker), "list-integrations did");
    }
}
