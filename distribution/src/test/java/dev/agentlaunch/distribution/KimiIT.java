package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    @Test
    void doctorReportsANodeTooOldForKimiWithTheFix() throws Exception {
        // A node that says it is 18 stands first on PATH: the Kimi Code install itself is real.
        Path old = Files.createDirectories(tmp.resolve("old-node"));
        Path node = Files.writeString(old.resolve("node"), "#!/bin/sh\necho v18.20.4\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        launcher.path(old);
        Launcher.Result r = launcher.run("doctor", "kimi", "--offline");
        assertEquals(3, r.exitCode(), "doctor counts the old Node as a problem: " + r);
        assertTrue(r.stdout().contains("Kimi Code needs Node.js 22 or newer and the node on your PATH is 18.20.4: install "
                + "Node.js 22+"), r.toString());

        Launcher.Result json = launcher.run("doctor", "kimi", "--offline", "--json");
        assertTrue(json.stdout().contains("\"problem\" : \"Kimi Code needs Node.js 22 or newer")
                || json.stdout().contains("\"problem\":\"Kimi Code needs Node.js 22 or newer"), json.toString());
    }
}
