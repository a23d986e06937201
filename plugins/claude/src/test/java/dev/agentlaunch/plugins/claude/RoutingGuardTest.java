package dev.agentlaunch.plugins.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.LaunchRefusedException;
import dev.agentlaunch.api.StateFiles;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Claude plugin does about settings files that would take a session off the launcher's routing. */
class RoutingGuardTest {
    @TempDir
    Path home;
    @TempDir
    Path project;

    final List<String> notes = new ArrayList<>();
    List<String> toolArgs = List.of();
    Map<String, String> ambient = Map.of();

    final LaunchContext context = new LaunchContext() {
        @Override public Map<String, String> ambientEnv() { return ambient; }
        @Override public Optional<Path> home() { return Optional.of(home); }
        @Override public Optional<Path> workingDirectory() { return Optional.of(project); }
        @Override public List<String> toolArgs() { return toolArgs; }
        @Override public StateFiles stateFiles() { throw new AssertionError("the Claude plugin writes no file"); }
        @Override public void note(String line) {
            if (!line.startsWith("tip: ")) {   // the auto-mode tip is ClaudeIntegrationTest's business
                notes.add(line);
            }
        }
    };

    /** large from a flag, medium and small derived from it unless given. */
    static TierPlan plan(String small, TierSource smallSource) {
        Map<Tier, Assignment> t = new EnumMap<>(Tier.class);
        t.put(Tier.LARGE, new Assignment("big:1", TierSource.FLAG));
        t.put(Tier.MEDIUM, new Assignment("big:1", TierSource.FROM_LARGER));
        t.put(Tier.SMALL, new Assignment(small, smallSource));
        return new TierPlan("http://127.0.0.1:11434", t, Map.of());
    }

    private void write(Path file, String json) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    /** The plugin's arguments without its Explore entry (ClaudeIntegrationTest covers that). */
    private List<String> args(TierPlan plan) {
        List<String> args = new ArrayList<>(new ClaudeIntegration().tierArgs(plan, context));
        int agents = args.indexOf(ExploreAgent.FLAG);
        if (agents >= 0) {
            args.subList(agents, agents + 2).clear();
        }
        return args;
    }

    private static Map<?, ?> settingsOf(List<String> args) {
        assertEquals(2, args.size(), args.toString());
        assertEquals("--settings", args.get(0));
        return (Map<?, ?>) Json.host().parse(args.get(1));
    }

    @Test
    void noSettingsFilesMeansNoExtraArguments() {
        assertEquals(List.of(), args(plan("small:1", TierSource.FLAG)));
        assertTrue(notes.isEmpty(), notes.toString());
    }

    @Test
    void aHostileUserSettingsFileIsOverriddenThroughInlineSettings() throws IOException {
        write(home.resolve(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://elsewhere.example\","
                + " \"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"claude-haiku\", \"ANTHROPIC_AUTH_TOKEN\": \"sk-ant-users-secret\","
                + " \"EDITOR\": \"vim\"}}");

        Map<?, ?> settings = settingsOf(args(plan("small:1", TierSource.FLAG)));

        assertEquals(Map.of("ANTHROPIC_BASE_URL", "http://127.0.0.1:11434", "ANTHROPIC_DEFAULT_HAIKU_MODEL", "small:1",
                "ANTHROPIC_AUTH_TOKEN", "ollama"), settings.get("env"), "only the routing variables, the launch's values");
        assertEquals(3, notes.size(), "one line per conflict: " + notes);
        assertTrue(notes.stream().anyMatch(n -> n.contains("ANTHROPIC_BASE_URL=https://elsewhere.example")), notes.toString());
        assertFalse(String.join("\n", notes).contains("sk-ant-users-secret"), "the user's secret is masked: " + notes);
    }

    @Test
    void aDerivedTierYieldsToTheSettingsFileAndSaysSo() throws IOException {
        write(home.resolve(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"their-small:1\"}}");

        List<String> args = args(plan("big:1", TierSource.FROM_LARGER));

        assertEquals(List.of(), args);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("keeping ANTHROPIC_DEFAULT_HAIKU_MODEL=their-small:1") && notes.get(0).contains("--small"),
                notes.get(0));
    }

    @Test
    void projectLocalSettingsWinOverProjectAndUser() throws IOException {
        write(home.resolve(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://user\"}}");
        write(project.resolve(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://project\"}}");
        write(project.resolve(".claude/settings.local.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://local\"}}");

        settingsOf(args(plan("small:1", TierSource.FLAG)));

        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith(project.resolve(".claude/settings.local.json") + " sets ANTHROPIC_BASE_URL=http://local"),
                notes.get(0));
    }

    @Test
    void claudeConfigDirReplacesTheHomeDirectory() throws IOException {
        Path dir = Files.createDirectories(project.resolve("elsewhere"));
        write(dir.resolve("settings.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://x\"}}");
        ambient = Map.of("CLAUDE_CONFIG_DIR", dir.toString());

        assertEquals("http://127.0.0.1:11434", ((Map<?, ?>) settingsOf(args(plan("s:1", TierSource.FLAG))).get("env"))
                .get("ANTHROPIC_BASE_URL"));
    }

    @Test
    void aForeignModelAndRoutingBreakersAreNeutralised() throws IOException {
        write(home.resolve(".claude/settings.json"), "{\"model\": \"claude-opus-4-1\", \"env\": {\"ANTHROPIC_MODEL\": \"x\","
                + " \"CLAUDE_CODE_USE_BEDROCK\": \"1\"}}");

        Map<?, ?> settings = settingsOf(args(plan("s:1", TierSource.FLAG)));

        assertEquals("opus", settings.get("model"));
        assertEquals(Map.of("ANTHROPIC_MODEL", "", "CLAUDE_CODE_USE_BEDROCK", ""), settings.get("env"));
    }

    @Test
    void aFileSavedWithAByteOrderMarkAndANumberIsStillRead() throws IOException {
        // Some Windows editors save a BOM; a number such as 1 is how many people switch Bedrock on.
        write(home.resolve(".claude/settings.json"), "\uFEFF{\"model\": \"claude-opus-4-1\", \"env\": {"
                + "\"CLAUDE_CODE_USE_BEDROCK\": 1, \"ANTHROPIC_MODEL\": \"x\"}}");

        List<String> args = args(plan("s:1", TierSource.FLAG));

        assertEquals(List.of("--settings", "{\"env\":{\"ANTHROPIC_MODEL\":\"\",\"CLAUDE_CODE_USE_BEDROCK\":\"\"},\"model\":\"opus\"}"),
                args, "the same text for the same files: variables sorted, then the model");
        assertTrue(notes.stream().anyMatch(n -> n.contains("CLAUDE_CODE_USE_BEDROCK=1")), notes.toString());
    }

    @Test
    void anAliasModelIsTheUsersChoiceAndStays() throws IOException {
        write(home.resolve(".claude/settings.json"), "{\"model\": \"sonnet\"}");

        assertEquals(List.of(), args(plan("s:1", TierSource.FLAG)));
    }

    @Test
    void brokenOrMissingFilesAreToleratedWithOneNote() throws IOException {
        write(home.resolve(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": ");
        Files.createDirectories(project.resolve(".claude/settings.json"));   // a directory: skipped silently

        assertEquals(List.of(), args(plan("s:1", TierSource.FLAG)));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("ignoring " + home.resolve(".claude/settings.json")), notes.get(0));
    }

    @Test
    void theUsersOwnSettingsPassThroughWhenNothingNeedsOverriding() {
        toolArgs = List.of("--settings", "{\"env\": {\"EDITOR\": \"vim\"}}");

        assertEquals(List.of(), args(plan("s:1", TierSource.FLAG)));
    }

    @Test
    void theUsersOwnSettingsAreRefusedWhenTheyWouldDropTheOverride() throws IOException {
        write(home.resolve(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://x\"}}");
        toolArgs = List.of("-p", "hi", "--settings={\"env\": {\"EDITOR\": \"vim\"}}");

        LaunchRefusedException e = assertThrows(LaunchRefusedException.class, () -> args(plan("s:1", TierSource.FLAG)));

        assertTrue(e.getMessage().contains("uses only the last one") && e.getMessage().contains("ANTHROPIC_BASE_URL"), e.getMessage());
    }

    @Test
    void theUsersOwnSettingsFileThatRedirectsIsRefused() throws IOException {
        write(project.resolve("mine.json"), "{\"env\": {\"ANTHROPIC_BASE_URL\": \"http://x\"}}");
        toolArgs = List.of("--settings", "mine.json");

        LaunchRefusedException e = assertThrows(LaunchRefusedException.class, () -> args(plan("s:1", TierSource.FLAG)));

        assertTrue(e.getMessage().contains("sets ANTHROPIC_BASE_URL"), e.getMessage());
    }

    @Test
    void sameArgumentsForTheSameFiles() throws IOException {
        write(home.resolve(".claude/settings.json"), "{\"env\": {\"ANTHROPIC_DEFAULT_OPUS_MODEL\": \"x\", \"ANTHROPIC_BASE_URL\": \"y\"}}");

        assertEquals(args(plan("s:1", TierSource.FLAG)), args(plan("s:1", TierSource.FLAG)), "deterministic for --dry-run");
    }
}
