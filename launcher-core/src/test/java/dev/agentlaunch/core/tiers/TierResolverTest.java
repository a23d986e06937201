package dev.agentlaunch.core.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TierResolverTest {
    final TierResolver resolver = new TierResolver();

    static Map<Tier, String> flags(String large, String medium, String small) {
        Map<Tier, String> m = new EnumMap<>(Tier.class);
        if (!large.equals("-")) {
            m.put(Tier.LARGE, large);
        }
        if (!medium.equals("-")) {
            m.put(Tier.MEDIUM, medium);
        }
        if (!small.equals("-")) {
            m.put(Tier.SMALL, small);
        }
        return m;
    }

    /** Flags given (- = none), --model (- = none) → each tier's model and source. */
    @ParameterizedTest(name = "large={0} medium={1} small={2} model={3}")
    @CsvSource({
            "L, M, S, -,  L:FLAG,         M:FLAG,        S:FLAG",
            "L, -, -, -,  L:FLAG,         L:FROM_LARGER, L:FROM_LARGER",
            "L, -, S, -,  L:FLAG,         L:FROM_LARGER, S:FLAG",
            "-, M, -, -,  M:FROM_SMALLER, M:FLAG,        M:FROM_LARGER",
            "-, -, S, -,  S:FROM_SMALLER, S:FROM_SMALLER, S:FLAG",
            "-, M, S, -,  M:FROM_SMALLER, M:FLAG,        S:FLAG",
            "-, -, -, X,  X:MODEL,        X:MODEL,       X:MODEL",
            "L, -, -, X,  L:FLAG,         X:MODEL,       X:MODEL",
            "-, -, S, X,  X:MODEL,        X:MODEL,       S:FLAG",
    })
    void explicitFlagThenModelThenLargerThenSmaller(String large, String medium, String small, String model,
                                                     String wantLarge, String wantMedium, String wantSmall) {
        Map<Tier, Assignment> got = resolver.resolve(TierRequest.ofFlags(flags(large, medium, small),
                model.equals("-") ? null : model));
        assertEquals(wantLarge, got.get(Tier.LARGE).model() + ":" + got.get(Tier.LARGE).source());
        assertEquals(wantMedium, got.get(Tier.MEDIUM).model() + ":" + got.get(Tier.MEDIUM).source());
        assertEquals(wantSmall, got.get(Tier.SMALL).model() + ":" + got.get(Tier.SMALL).source());
    }

    @Test
    void profileBeatsConfigDefaultsWhichBeatModel() {
        TierRequest request = new TierRequest(Map.of(Tier.SMALL, "flag-small"), "coding",
                Map.of(Tier.LARGE, "profile-large", Tier.SMALL, "profile-small"),
                Map.of(Tier.LARGE, "config-large", Tier.MEDIUM, "config-medium"), "model-all");
        Map<Tier, Assignment> got = resolver.resolve(request);
        assertEquals(new Assignment("profile-large", TierSource.PROFILE), got.get(Tier.LARGE));
        assertEquals(new Assignment("config-medium", TierSource.CONFIG), got.get(Tier.MEDIUM));
        assertEquals(new Assignment("flag-small", TierSource.FLAG), got.get(Tier.SMALL));
    }

    @Test
    void noModelAtAllIsAUsageErrorNamingTheFlags() {
        LauncherException e = assertThrows(LauncherException.class, () -> resolver.resolve(TierRequest.ofFlags(Map.of(), null)));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("--large") && e.getMessage().contains("--medium")
                && e.getMessage().contains("--small") && e.getMessage().contains("--model"), e.getMessage());
    }

    @Test
    void invalidNameFailsNamingItsFlag() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> resolver.resolve(TierRequest.ofFlags(Map.of(Tier.SMALL, "bad name"), "qwen3:8b")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("'bad name' for --small"), e.getMessage());
    }
}
