package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real Droid started by the assembled launcher against the simulator: main turn on large,
 * the explorer droid (light) on small, the worker droid (medium) on medium.
 */
@Tag("droid")
class DroidIT extends NewAgentCase {
    @Override
    String tool() {
        return "droid";
    }

    private void runWithSubagent(String type) throws Exception {
        sim.answerWithToolCall("Task", "{\"subagent_type\":\"" + type + "\",\"description\":\"look around\",\"prompt\":\""
                + TASK_PROMPT + "\"}");
        launchOk("exec", "--auto", "high", "say hi to the team");
        assertEquals(0, sim.pendingToolCalls(), "Droid never offered the Task tool: " + chats());
    }

    @Test
    void mainTurnOnLargeExplorerOnSmall() throws Exception {
        runWithSubagent("explorer");
        assertEquals(LARGE, first(isMain("say hi to the team"), "main turn").model(), "main turn");
        assertEquals(SMALL, first(NewAgentCase::isSubagent, "explorer subagent").model(), "explorer subagent");
        assertNothingLeftRunning();
        launcher.assertHomeHoldsOnly(".factory");
    }

    @Test
    void workerOnMedium() throws Exception {
        runWithSubagent("worker");
        assertEquals(MEDIUM, first(NewAgentCase::isSubagent, "worker subagent").model(), "worker subagent");
        assertNothingLeftRunning();
    }

    @Test
    void aModelOfTheUsersAfterTheDashesIsRefusedNamingTheTierFlag() throws Exception {
        Launcher.Result r = launch("exec", "-m", "custom:other", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("Droid argument '-m' fights the tier routing") && r.stderr().contains("--large MODEL"),
                r.toString());
    }

    /**
     * Behind a gateway that needs a token (apiKey ${TEAM_LLM_TOKEN} in the settings file), one run
     * with both subagents: main turn large, explorer small, worker medium, each request with the token.
     */
    @Test
    void behindATokenGatewayEveryTiersRequestsCarryTheToken() throws Exception {
        behindATokenGateway();
        for (String type : new String[] {"explorer", "worker"}) {
            sim.answerWithToolCall("Task", "{\"subagent_type\":\"" + type + "\",\"description\":\"look around\",\"prompt\":\""
                    + TASK_PROMPT + " (" + type + ")\"}");
        }
        Launcher.Result r = launchOk("exec", "--auto", "high", "say hi to the team");
        assertEquals(0, sim.pendingToolCalls(), "Droid never offered the Task tool twice: " + chats());
        assertEquals(LARGE, first(isMain("say hi to the team"), "main turn").model(), "main turn");
        assertEquals(SMALL, first(req -> isSubagent(req) && req.body().contains("(explorer)"), "explorer subagent").model());
        assertEquals(MEDIUM, first(req -> isSubagent(req) && req.body().contains("(worker)"), "worker subagent").model());
        assertTheTokenReachedTheGatewayAndNothingElse(r);
    }
}
