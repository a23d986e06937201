package dev.agentlaunch.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvPolicyTest {
    final List<String> notes = new ArrayList<>();

    static TierPlan plan(TierSource largeSource, TierSource smallSource) {
        return new TierPlan("http://127.0.0.1:11434", Map.of(
                Tier.LARGE, new Assignment("big", largeSource),
                Tier.MEDIUM, new Assignment("big", TierSource.FROM_LARGER),
                Tier.SMALL, new Assignment("small", smallSource)), Map.of());
    }

    List<EnvEntry> apply(Map<String, String> ambient, TierPlan plan) {
        return new EnvPolicy().apply(ambient, Map.of("BASE", "http://x", "LARGE_VAR", "big", "SMALL_VAR", "small"),
                Map.of("LARGE_VAR", Tier.LARGE, "SMALL_VAR", Tier.SMALL), plan, notes::add);
    }

    static EnvEntry entry(List<EnvEntry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutAmbientValuesEverythingIsSetSilently() {
        List<EnvEntry> got = apply(Map.of(), plan(TierSource.FLAG, TierSource.FLAG));
        assertTrue(got.stream().allMatch(e -> e.action() == EnvEntry.Action.SET), got::toString);
        assertTrue(notes.isEmpty(), notes::toString);
    }

    @Test
    void explicitReplacesAmbientWithANote() {
        List<EnvEntry> got = apply(Map.of("SMALL_VAR", "mine"), plan(TierSource.FLAG, TierSource.FLAG));
        assertEquals(new EnvEntry("SMALL_VAR", "small", EnvEntry.Action.REPLACED, "mine", null), entry(got, "SMALL_VAR"));
        assertEquals(List.of("replacing your SMALL_VAR=mine with small for this session (from flag)"), notes);
    }

    @Test
    void derivedYieldsToAmbientWithANote() {
        for (TierSource derived : List.of(TierSource.MODEL, TierSource.CONFIG, TierSource.FROM_LARGER, TierSource.FROM_SMALLER)) {
            notes.clear();
            List<EnvEntry> got = apply(Map.of("SMALL_VAR", "mine"), plan(TierSource.FLAG, derived));
            assertEquals(new EnvEntry("SMALL_VAR", "mine", EnvEntry.Action.KEPT, "mine", "small"), entry(got, "SMALL_VAR"));
            assertEquals(1, notes.size(), notes::toString);
            assertTrue(notes.get(0).startsWith("keeping your SMALL_VAR=mine"), notes::toString);
        }
    }

    @Test
    void profileCountsAsExplicit() {
        List<EnvEntry> got = apply(Map.of("LARGE_VAR", "mine"), plan(TierSource.PROFILE, TierSource.FLAG));
        assertEquals(EnvEntry.Action.REPLACED, entry(got, "LARGE_VAR").action());
    }

    @Test
    void variablesTheLaunchNeedsAreAlwaysSetAndSecretsMasked() {
        List<EnvEntry> got = new EnvPolicy().apply(Map.of("MY_TOKEN", "s3cret"), Map.of("MY_TOKEN", "ollama"),
                Map.of(), plan(TierSource.MODEL, TierSource.MODEL), notes::add);
        assertEquals(EnvEntry.Action.REPLACED, got.get(0).action());
        assertEquals("ollama", got.get(0).value());
        assertEquals(1, notes.size());
        assertFalse(notes.get(0).contains("s3cret"), notes::toString);
        assertTrue(notes.get(0).contains("MY_TOKEN=****"), notes::toString);
    }

    @Test
    void sameValueAsAmbientIsNotReported() {
        apply(Map.of("SMALL_VAR", "small", "BASE", "http://x"), plan(TierSource.MODEL, TierSource.MODEL));
        assertTrue(notes.isEmpty(), notes::toString);
    }
}
