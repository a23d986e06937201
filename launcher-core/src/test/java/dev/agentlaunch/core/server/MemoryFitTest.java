package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Tier;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryFitTest {
    private static final long GB = 1_000_000_000L;

    static ModelStatus model(String name, long size, Tier... tiers) {
        return new ModelStatus(name, List.of(tiers), true, OptionalLong.of(size), OptionalInt.of(40960), OptionalInt.empty(),
                Set.of("completion", "tools"));
    }

    @Test
    void addsUpTheDistinctModelsTheServerHas() {
        ModelStatus missing = new ModelStatus("gone:1b", List.of(Tier.SMALL), false, OptionalLong.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Set.of());
        MemoryFit fit = MemoryFit.of(List.of(model("qwen3:32b", 20_200_000_000L, Tier.LARGE), model("qwen3:14b", 9_300_000_000L,
                Tier.MEDIUM), missing), Optional.of(new MemoryBudget(32 * GB, "--memory")), null);
        assertEquals(29_500_000_000L, fit.total());
        assertTrue(fit.fits());
        assertTrue(fit.warning().isEmpty());
        assertEquals("29.5 GB for 2 models of 32 GB --memory: fits", fit.summary());
    }

    @Test
    void overBudgetNamesEachModelTheTotalTheBudgetAndAFix() {
        MemoryFit fit = MemoryFit.of(List.of(model("qwen3:32b", 20_200_000_000L, Tier.LARGE),
                model("qwen3:14b", 9_300_000_000L, Tier.MEDIUM), model("qwen3:4b", 2_600_000_000L, Tier.SMALL)),
                Optional.of(new MemoryBudget(24L * 1024 * 1024 * 1024, "GPU memory (nvidia-smi)")), null);
        assertFalse(fit.fits());
        String w = fit.warning().orElseThrow();
        assertTrue(w.contains("qwen3:32b 20.2 GB, qwen3:14b 9.3 GB, qwen3:4b 2.6 GB"), w);
        assertTrue(w.contains("need 32.1 GB together"), w);
        assertTrue(w.contains("25.8 GB (GPU memory (nvidia-smi))"), w);
        assertTrue(w.contains("smaller small-tier model") && w.contains("fewer distinct models")
                && w.contains("OLLAMA_MAX_LOADED_MODELS"), w);
        assertTrue(fit.summary().endsWith("DOES NOT FIT"), fit.summary());
    }

    @Test
    void oneModelTooBigForTheBudgetSaysSoPlainly() {
        MemoryFit fit = MemoryFit.of(List.of(model("qwen3:32b", 20_200_000_000L, Tier.LARGE, Tier.MEDIUM, Tier.SMALL)),
                Optional.of(new MemoryBudget(16 * GB, "--memory")), null);
        String w = fit.warning().orElseThrow();
        assertTrue(w.startsWith("qwen3:32b needs 20.2 GB but the server has 16 GB (--memory)"), w);
    }

    @Test
    void exactlyTheBudgetFits() {
        MemoryFit fit = MemoryFit.of(List.of(model("a:1b", 8 * GB, Tier.LARGE)), Optional.of(new MemoryBudget(8 * GB, "--memory")), null);
        assertTrue(fit.fits());
    }

    @Test
    void withoutABudgetTheFitIsSkippedWithTheReasonAndNeverWarns() {
        MemoryFit fit = MemoryFit.of(List.of(model("qwen3:32b", 200 * GB, Tier.LARGE)), Optional.empty(),
                "the server is remote and its memory unknown here; pass --memory SIZE to check the fit");
        assertFalse(fit.judged());
        assertTrue(fit.fits());
        assertTrue(fit.warning().isEmpty());
        assertEquals("not checked: the server is remote and its memory unknown here; pass --memory SIZE to check the fit",
                fit.summary());
    }
}
