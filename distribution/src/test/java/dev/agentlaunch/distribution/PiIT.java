package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real Pi (Node 22) started by the assembled launcher against the simulator. */
@Tag("pi")
class PiIT extends NewAgentCase {
    @Override
    String tool() {
        return "pi";
    }

    @Test
    void everyRequestRunsOnLargeAndOnlyPisOwnDirIsWritten() throws Exception {
        launcher.path(AgentClis.node22Dir());
        launchOk("-p", "say hi to the team");
        assertTrue(!chats().isEmpty(), "Pi sent no chat request");
        chats().forEach(req -> assertEquals(LARGE, req.model(), "Pi runs one model: " + req));
        assertTrue(sim.requests("/v1/chat/completions").get(0).header("Authorization").equals("Bearer ollama"));
        assertNothingLeftRunning();
        launcher.assertHomeHoldsOnly(".pi");
    }

    @Test
    void aNodeOlderThan22IsRefusedInOneLineWithTheFix() throws Exception {
        Path node = AgentClis.nodeDir();
        String version = new String(new ProcessBuilder(node.resolve("node").toString(), "--version")
                .start().getInputStream().readAllBytes()).strip();
        Assumptions.assumeTrue(Integer.parseInt(version.substring(1).split("\\.")[0]) < 22,
                "the node on this machine's PATH is " + version + ", not older than 22");
        // Pi alone (not the pinned Node 22 next to it) in front of the machine's older node.
        Path onlyPi = Files.createDirectories(tmp.resolve("only-pi"));
        Files.createSymbolicLink(onlyPi.resolve("pi"), AgentClis.binDir().resolve("pi"));
        Launcher old = new Launcher(tmp.resolve("old-node"), false).path(onlyPi, node);

        Launcher.Result r = old.run("pi", "--host", sim.url(), "--model", LARGE, "--", "-p", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.stderr().lines().count(), r.toString());
        assertTrue(r.stderr().contains("Pi needs Node.js 22 or newer and the node on your PATH is " + version.substring(1)),
                r.toString());
        assertTrue(r.stderr().contains("nvm install 22"), r.toString());
        assertTrue(chats().isEmpty(), "Pi must not have run: " + chats());

        Launcher.Result listing = old.run("list-integrations");
        assertEquals(0, listing.exitCode(), listing.toString());
        assertTrue(listing.stderr().lines().anyMatch(l -> l.contains("Pi needs Node.js 22 or newer and the node on your PATH is "
                + version.substring(1) + ": install Node.js 22+")), listing.toString());
    }

    @Test
    void aModelOfTheUsersAfterTheDashesIsRefusedNamingTheTierFlag() throws Exception {
        launcher.path(AgentClis.node22Dir());
        Launcher.Result r = launch("--model", "ollama/other:1b", "-p", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("Pi argument '--model' fights the tier routing") && r.stderr().contains("--large MODEL"),
                r.toString());
    }

    /** Behind a gateway that needs a token: the extension's apiKey is ${TEAM_LLM_TOKEN}, which Pi resolves; one model. */
    @Test
    void behindATokenGatewayTheTokenReachesEveryRequest() throws Exception {
        launcher.path(AgentClis.node22Dir());
        behindATokenGateway();
        Launcher.Result r = launchOk("-p", "say hi to the team");
        chats().forEach(req -> assertEquals(LARGE, req.model(), "Pi runs one model: " + req));
        assertTheTokenReachedTheGatewayAndNothingElse(r);
    }
}
