package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real Kilo Code CLI started by the assembled launcher against the simulator: main turn on
 * large, the explore subagent on small, the general subagent on medium (that one behind a LiteLLM
 * gateway that requires a token, with the token's proof). (Session titles go to
 * small too, but Kilo sends them in the background after the answer and drops them when the run
 * ends first: not a deterministic proof.)
 */
@Tag("kilo")
class KiloIT extends NewAgentCase {
    private static final String[] KILO_DIRS = {".config/kilo", ".local/share/kilo", ".local/state/kilo", ".local/state/kilo-sandbox-policy", ".cache/kilo"};

    @Override
    String tool() {
        return "kilo";
    }

    private void runWithSubagent(String type) throws Exception {
        sim.answerWithToolCall("task", "{\"subagent_type\":\"" + type + "\",\"description\":\"look around\",\"prompt\":\""
                + TASK_PROMPT + "\"}");
        launchOk("run", "say hi to the team");
        assertEquals(0, sim.pendingToolCalls(), "Kilo never offered the task tool: " + chats());
    }

    @Test
    void mainTurnOnLargeExploreOnSmall() throws Exception {
        runWithSubagent("explore");
        assertEquals(LARGE, first(isMain("say hi to the team"), "main turn").model(), "main turn");
        assertEquals(SMALL, first(NewAgentCase::isSubagent, "explore subagent").model(), "explore subagent");
        assertNothingLeftRunning();
        launcher.assertHomeHoldsOnly(KILO_DIRS);
    }

    @Test
    void aModelOfTheUsersAfterTheDashesIsRefusedNamingTheTierFlag() throws Exception {
        Launcher.Result r = launch("run", "-m", "ollama/other", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("Kilo Code argument '-m' fights the tier routing") && r.stderr().contains("--large MODEL"),
                r.toString());
    }

    /**
     * Behind a gateway that needs a token ({env:TEAM_LLM_TOKEN} in the inline config): main turn large,
     * explore small, general medium, each request with the token. Two runs, one subagent each: neither
     * subagent is offered the task tool, and the simulator answers a tool result with text. (The
     * general subagent's medium model is proven here only: a Kilo run takes 10-20 s.)
     */
    @Test
    void behindATokenGatewayEveryTiersRequestsCarryTheToken() throws Exception {
        behindATokenGateway();
        for (String type : new String[] {"explore", "general"}) {
            sim.answerWithToolCall("task", "{\"subagent_type\":\"" + type + "\",\"description\":\"look around\",\"prompt\":\""
                    + TASK_PROMPT + " (" + type + ")\"}");
            Launcher.Result r = launchOk("run", "say hi to the team");
            assertEquals(0, sim.pendingToolCalls(), "Kilo never offered the task tool: " + chats());
            assertTheTokenReachedTheGatewayAndNothingElse(r);
            assertNothingLeftRunning();
        }
        assertEquals(LARGE, first(isMain("say hi to the team"), "main turn").model(), "main turn");
        assertEquals(SMALL, first(req -> isSubagent(req) && req.body().contains("(explore)"), "explore subagent").model());
        assertEquals(MEDIUM, first(req -> isSubagent(req) && req.body().contains("(general)"), "general subagent").model());
    }
}
