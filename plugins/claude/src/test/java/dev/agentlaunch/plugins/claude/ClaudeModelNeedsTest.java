package dev.agentlaunch.plugins.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentlaunch.api.Tier;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** What the launcher's server checks hold Claude Code's tier models to. */
class ClaudeModelNeedsTest {
    private final ClaudeIntegration claude = new ClaudeIntegration();

    @Test
    void everyTierNeedsToolCallingBecauseEvenTheSmallOneRunsTheExploreSubagent() {
        assertEquals(EnumSet.allOf(Tier.class), claude.tiersNeedingTools());
    }

    @Test
    void theContextNeedCoversTheTwentyThousandTokenSystemPromptWithRoomToWork() {
        assertEquals(32768, claude.minimumContextTokens());
    }
}
