package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real GitHub Copilot CLI (BYOK mode) started by the assembled launcher against the
 * simulator. Copilot's subagent models live only in COPILOT_HOME's settings.json, which the
 * launcher does not move: medium and small fold into large, so the explore subagent carries the
 * large model too.
 */
@Tag("copilot")
class CopilotIT extends NewAgentCase {
    @Override
    String tool() {
        return "copilot";
    }

    @BeforeEach
    void sharedUnpackCache() {
        // Copilot unpacks 235 MB into ~/.cache/copilot on its first run; the tests share one copy.
        launcher.env("COPILOT_CACHE_HOME", java.nio.file.Path.of(System.getProperty("agentlaunch.agents", "target/agents"))
                .toAbsolutePath().resolve("copilot-cache").toString());
    }

    @Test
    void mainTurnAndExploreSubagentRunOnLarge() throws Exception {
        sim.answerWithToolCall("task", "{\"agent_type\":\"explore\",\"name\":\"scout\",\"mode\":\"sync\",\"description\":\"look around\",\"prompt\":\""
                + TASK_PROMPT + "\"}");
        launchOk("-p", "say hi to the team", "--allow-all-tools");
        assertEquals(LARGE, first(isMain("say hi to the team"), "main turn").model(), "main turn");
        assertEquals(0, sim.pendingToolCalls(), "Copilot never offered the task tool: " + chats());
        assertEquals(LARGE, first(NewAgentCase::isSubagent, "explore subagent").model(), "explore folds into large");
        assertNothingLeftRunning();
        launcher.assertHomeHoldsOnly(".copilot", ".cache/Microsoft");
    }

    @Test
    void aModelOfTheUsersAfterTheDashesIsRefusedNamingTheTierFlag() throws Exception {
        Launcher.Result r = launch("--model=gpt-5", "-p", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("argument '--model=gpt-5' fights the tier routing") && r.stderr().contains("--large MODEL"),
                r.toString());
    }

    /** Behind a gateway that needs a token: COPILOT_PROVIDER_API_KEY carries it; every tier folds into large. */
    @Test
    void behindATokenGatewayTheTokenReachesEveryRequest() throws Exception {
        behindATokenGateway();
        Launcher.Result r = launchOk("-p", "say hi to the team", "--allow-all-tools");
        assertEquals(LARGE, first(isMain("say hi to the team"), "main turn").model(), "main turn");
        chats().forEach(req -> assertEquals(LARGE, req.model(), "medium and small fold into large: " + req));
        assertTheTokenReachedTheGatewayAndNothingElse(r);
    }
}
