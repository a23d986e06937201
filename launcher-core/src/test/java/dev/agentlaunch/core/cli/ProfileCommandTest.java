package dev.agentlaunch.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentlaunch.core.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code launch profile ...} as a user runs it: output, notes, exit codes, the file written. */
class ProfileCommandTest {
    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    private Run launch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(Map.of("HOME", home.toString()), new PrintWriter(out), new PrintWriter(err), null, Optional.empty())
                .run(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path config() {
        return home.resolve(".config/agent-launch/config.json");
    }

    @Test
    void saveThenListThenShow() {
        Run saved = launch("profile", "save", "coding", "--large", "qwen3:32b", "--medium", "qwen3:14b", "--small", "qwen3:4b",
                "--default-for", "claude");
        launch("profile", "save", "gpu", "--model", "gpt-oss:120b", "--host", "gpu-box:11434");

        assertEquals(0, saved.code(), saved.err());
        assertTrue(saved.err().contains("saved profile 'coding' in " + config()), saved.err());

        Run list = launch("profile", "list");
        assertEquals(0, list.code());
        String[] lines = list.out().split("\n");
        assertEquals(3, lines.length, list.out());
        assertTrue(lines[0].matches("PROFILE\\s+LARGE\\s+MEDIUM\\s+SMALL\\s+HOST"), lines[0]);
        assertTrue(lines[1].matches("coding\\s+qwen3:32b\\s+qwen3:14b\\s+qwen3:4b\\s+-\\s+\\(default for claude\\)"), lines[1]);
        assertTrue(lines[2].matches("gpu\\s+gpt-oss:120b\\s+gpt-oss:120b\\s+gpt-oss:120b\\s+gpu-box:11434"), lines[2]);

        Run show = launch("profile", "show", "coding");
        assertEquals(0, show.code());
        assertTrue(show.out().contains("large     qwen3:32b\n") && show.out().contains("small     qwen3:4b\n")
                && show.out().contains("default   for claude\n"), show.out());
    }

    @Test
    void showAndListAsJson() throws Exception {
        launch("profile", "save", "coding", "--large", "qwen3:32b");

        JsonNode list = new ObjectMapper().readTree(launch("profile", "list", "--json").out());
        JsonNode show = new ObjectMapper().readTree(launch("profile", "show", "coding", "--json").out());

        assertEquals("qwen3:32b", list.at("/profiles/coding/large").asText());
        assertEquals(config().toString(), list.get("config").asText());
        assertEquals("coding", show.get("name").asText());
        assertEquals("qwen3:32b", show.get("large").asText());
    }

    @Test
    void aProfileSavesAServerPerTierAndShowsIt() throws Exception {
        Files.createDirectories(config().getParent());
        Files.writeString(config(), "{\"servers\": {\"laptop\": {\"url\": \"127.0.0.1:11434\"}}}\n");

        Run saved = launch("profile", "save", "team", "--large", "qwen3:32b", "--small", "qwen3:4b", "--host", "gpu-box:8000",
                "--tier-server", "small=laptop", "--tier-server", "medium=http://10.0.0.7:8000");

        assertEquals(0, saved.code(), saved.err());
        JsonNode file = new ObjectMapper().readTree(config().toFile());
        assertEquals("laptop", file.at("/profiles/team/tierServers/small").asText(), file.toString());
        assertEquals("http://10.0.0.7:8000", file.at("/profiles/team/tierServers/medium").asText());
        Run show = launch("profile", "show", "team");
        assertTrue(show.out().contains("per tier  medium -> http://10.0.0.7:8000, small -> laptop"), show.out());
        JsonNode json = new ObjectMapper().readTree(launch("profile", "show", "team", "--json").out());
        assertEquals("laptop", json.at("/tierServers/small").asText(), json.toString());
    }

    @Test
    void aBadPerTierServerIsOneLineAndTheFileStaysAsItWas() throws Exception {
        launch("profile", "save", "coding", "--large", "qwen3:32b");
        byte[] before = Files.readAllBytes(config());

        Run badTier = launch("profile", "save", "team", "--large", "qwen3:32b", "--tier-server", "tiny=laptop");
        Run badServer = launch("profile", "save", "team", "--large", "qwen3:32b", "--tier-server", "small=laptop:99999");

        assertEquals(2, badTier.code());
        assertEquals("launch: error: --tier-server 'tiny=laptop' is not TIER=SERVER; use large, medium or small, then a server "
                + "name or URL, e.g. --tier-server small=laptop\n", badTier.err());
        assertEquals(2, badServer.code());
        assertEquals("launch: error: --tier-server small=laptop:99999 is neither a server in the \"servers\" of " + config()
                + " (there are none) nor an address (host:port or http://host:port); add the server there first or fix the "
                + "value\n", badServer.err());
        assertEquals(new String(before), Files.readString(config()));
    }

    @Test
    void errorsAreOneLineWithTheDocumentedExitCodes() throws Exception {
        launch("profile", "save", "coding", "--large", "qwen3:32b");
        byte[] before = Files.readAllBytes(config());

        Run exists = launch("profile", "save", "coding", "--large", "other:1");
        Run unknown = launch("profile", "show", "codng");
        Run badModel = launch("profile", "save", "x", "--large", "not a model");
        Run noTier = launch("profile", "save", "x");

        for (Run r : new Run[] {exists, unknown, badModel, noTier}) {
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("launch: error: "), r.err());
        }
        assertTrue(unknown.err().contains("known: coding"), unknown.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(config())), "no file changed");
    }

    @Test
    void listWithoutAConfigFileSaysHowToStart() {
        Run list = launch("profile", "list");

        assertEquals(0, list.code());
        assertTrue(list.err().contains("launch profile save NAME"), list.err());
        assertTrue(Files.notExists(config()), "listing writes nothing");
    }
}
