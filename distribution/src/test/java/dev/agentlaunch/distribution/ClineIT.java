package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real Cline CLI started by the assembled launcher against the simulator: one model (large)
 * for every request, its provider in a --config dir of the launcher's state dir, and no hub
 * daemon left behind (CLINE_SESSION_BACKEND_MODE=local).
 */
@Tag("cline")
class ClineIT extends NewAgentCase {
    @Override
    String tool() {
        return "cline";
    }

    @Test
    void everyRequestRunsOnLargeNothingIsLeftRunningAndHomeIsUntouched() throws Exception {
        launchOk("say hi to the team");
        assertEquals(LARGE, first(isMain("say hi to the team"), "main turn").model(), "main turn");
        chats().forEach(req -> assertEquals(LARGE, req.model(), "Cline runs one model: " + req));
        assertNothingLeftRunning();
        launcher.assertHomeHoldsOnly();
    }

    @Test
    void aProviderOfTheUsersAfterTheDashesIsRefusedNamingTheTierFlag() throws Exception {
        Launcher.Result r = launch("-P", "anthropic", "say hi");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("Cline argument '-P' fights the tier routing"), r.toString());
    }

    /** Behind a gateway that needs a token: OPENAI_API_KEY carries it (providers.json holds none); one model. */
    @Test
    void behindATokenGatewayTheTokenReachesEveryRequest() throws Exception {
        behindATokenGateway();
        Launcher.Result r = launchOk("say hi to the team");
        chats().forEach(req -> assertEquals(LARGE, req.model(), "Cline runs one model: " + req));
        assertTheTokenReachedTheGatewayAndNothingElse(r);
        assertNothingLeftRunning();
    }
}
