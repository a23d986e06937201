package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real Kimi Code (Node 22) started by the assembled launcher against the simulator. Kimi's
 * subagent model lives only in KIMI_CODE_HOME's config.toml, which the launcher does not move:
 * medium and small fold into large, so every request, the subagent's too, carries the large model.
 */
@Tag("kimi")
class KimiIT extends NewAgentCase {
    @Override
    String tool() {
        return "kimi";
    }

    @Test
    void mainTurnAndSubagentRunOnLarge() throws Exception {
        launcher.path(AgentClis.node22Dir());
        sim.answerWithToolCall("Agent", "{\"subagent_type\":\"explore\",\"description\":\"look around\",\"prompt\":\""
                + TASK_PROMPT + "\"}");
        launchOk("-p", "say hi to the team");
        assertEquals(LARGE, first(isMain("say hi to the team"), "main turn").model(), "main turn");
        assertEquals(0, sim.pendingToolCalls(), "Kimi never offered the Agent tool: " + chats());
        assertEquals(LARGE, first(NewAgentCase::isSubagent, "subagent").model(), "the subagent folds into large");
        chats().forEach(req -> assertEquals(LARGE, req.model(), req.toString()));
        assertNothingLeftRunning();
        launcher.assertHomeHoldsOnly(".kimi-code");
    }

    @Test
    void aModelOfTheUsersAfterTheDashesIsRefusedNamingTheTierFlag() throws Exception {
        launcher.path(AgentClis.node22Dir());
        Launcher.Result r = launch("-m", "other", "-p", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("Kimi Code argument '-m' fights the tier routing") && r.stderr().contains("--large MODEL"),
                r.toString());
        assertTrue(chats().isEmpty(), chats().toString());
    }

    /** Behind a gateway that needs a token: KIMI_MODEL_API_KEY carries it; every tier folds into large. */
    @Test
    void behindATokenGatewayTheTokenReachesEveryRequest() throws Exception {
        launcher.path(AgentClis.node22Dir());
        behindATokenGateway();
        Launcher.Result r = launchOk("-p", "say hi to the team");
        chats().forEach(req -> assertEquals(LARGE, req.model(), "medium and small fold into large: " + req));
        assertTheTokenReachedTheGatewayAndNothingElse(r);
    }
}
