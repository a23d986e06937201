package dev.agentlaunch.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestResolverTest {
    @TempDir
    Path home;

    private ResolvedRequest resolve(String integration, String profile, Map<Tier, String> flags) {
        return new RequestResolver(Map.of(), Optional.of(home))
                .resolve(integration, null, profile, flags, null, null);
    }

    private void config(String json) throws IOException {
        Path file = home.resolve(".config/agent-launch/config.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    @Test
    void anIntegrationsDefaultProfileAppliesWithoutProfileFlag() throws IOException {
        config("{\"profiles\": {\"coding\": {\"large\": \"qwen3:32b\"}}, \"integrations\": {\"claude\": {\"profile\": \"coding\"}}}");

        ResolvedRequest claude = resolve("claude", null, Map.of());
        ResolvedRequest codex = resolve("codex", null, Map.of(Tier.LARGE, "other:1"));

        assertEquals(Optional.of("coding"), claude.profile());
        assertEquals("qwen3:32b", claude.request().profile().get(Tier.LARGE));
        assertEquals(Optional.empty(), codex.profile());
        assertTrue(codex.request().profile().isEmpty());
    }

    @Test
    void profileFlagBeatsTheIntegrationsDefaultProfile() throws IOException {
        config("{\"profiles\": {\"coding\": {\"large\": \"a:1\"}, \"gpu\": {\"large\": \"b:1\"}},"
                + " \"integrations\": {\"claude\": {\"profile\": \"coding\"}}}");

        assertEquals("b:1", resolve("claude", "gpu", Map.of()).request().profile().get(Tier.LARGE));
    }

    @Test
    void perIntegrationOverrideBeatsTheProfilesOwnTier() throws IOException {
        config("{\"profiles\": {\"p\": {\"large\": \"a:1\", \"medium\": \"m:1\", \"integrations\": {\"codex\": {\"large\": \"c:1\"}}}}}");

        assertEquals(Map.of(Tier.LARGE, "a:1", Tier.MEDIUM, "m:1"), resolve("claude", "p", Map.of()).request().profile());
        assertEquals(Map.of(Tier.LARGE, "c:1", Tier.MEDIUM, "m:1"), resolve("codex", "p", Map.of()).request().profile());
    }

    @Test
    void aProfilesModelFillsTheTiersItLeavesEmpty() throws IOException {
        config("{\"profiles\": {\"p\": {\"small\": \"s:1\", \"model\": \"all:1\"}}}");

        assertEquals(Map.of(Tier.LARGE, "all:1", Tier.MEDIUM, "all:1", Tier.SMALL, "s:1"),
                resolve("claude", "p", Map.of()).request().profile());
    }

    @Test
    void unknownProfileListsTheKnownOnes() throws IOException {
        config("{\"profiles\": {\"coding\": {\"large\": \"a:1\"}, \"gpu\": {\"large\": \"b:1\"}}}");

        LauncherException e = assertThrows(LauncherException.class, () -> resolve("claude", "codng", Map.of()));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("unknown profile 'codng'") && e.getMessage().contains("known: coding, gpu"), e.getMessage());
    }

    @Test
    void aDefaultProfileThatDoesNotExistSaysWhereItCameFrom() throws IOException {
        config("{\"integrations\": {\"claude\": {\"profile\": \"gone\"}}}");

        LauncherException e = assertThrows(LauncherException.class, () -> resolve("claude", null, Map.of()));

        assertTrue(e.getMessage().contains("the default profile for claude"), e.getMessage());
    }

    @Test
    void profileWithoutAnyConfigFileSaysHowToCreateIt() {
        LauncherException e = assertThrows(LauncherException.class, () -> resolve("claude", "coding", Map.of()));

        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("launch profile save coding"), e.getMessage());
    }

    @Test
    void withoutConfigFileOnlyTheFlagsCount() {
        ResolvedRequest r = resolve("claude", null, Map.of(Tier.SMALL, "s:1"));

        assertEquals(Map.of(Tier.SMALL, "s:1"), r.request().flags());
        assertTrue(r.request().defaults().isEmpty() && r.request().profile().isEmpty());
        assertEquals("default", r.server().source());
    }

    @Test
    void configLocationFollowsFlagThenVariableThenXdgThenHome() {
        Path flag = home.resolve("a.json");
        Map<String, String> env = Map.of(ConfigLocation.ENV, "/env/c.json", "XDG_CONFIG_HOME", "/xdg");

        assertEquals(flag, ConfigLocation.resolve(flag, env, Optional.of(home)).orElseThrow().path());
        assertEquals(Path.of("/env/c.json"), ConfigLocation.resolve(null, env, Optional.of(home)).orElseThrow().path());
        assertEquals(Path.of("/xdg/agent-launch/config.json"),
                ConfigLocation.resolve(null, Map.of("XDG_CONFIG_HOME", "/xdg"), Optional.of(home)).orElseThrow().path());
        assertEquals(home.resolve(".config/agent-launch/config.json"),
                ConfigLocation.resolve(null, Map.of("XDG_CONFIG_HOME", "relative"), Optional.of(home)).orElseThrow().path());
    }
}
