package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.ModelServer;
import dev.agentlaunch.api.PullEvent;
import dev.agentlaunch.api.ServerAnswer;
import dev.agentlaunch.api.ServerConnection;
import dev.agentlaunch.api.ServerFacts;
import dev.agentlaunch.api.ServerRefusedException;
import dev.agentlaunch.api.WireApi;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which kinds the launcher pulls onto, and how a kind's pull failures reach the user. */
class ServerTargetPullTest {
    /** A kind as a 1.2 plugin could write it: says it can pull, but there was no pull method to implement. */
    static class SaysItCanPull implements ModelServer {
        @Override
        public String kind() {
            return "says";
        }

        @Override
        public String displayName() {
            return "Says";
        }

        @Override
        public List<String> probePaths() {
            return List.of();
        }

        @Override
        public boolean recognises(Map<String, ServerAnswer> answers) {
            return false;
        }

        @Override
        public Set<WireApi> wireApis() {
            return Set.of(WireApi.OPENAI_CHAT);
        }

        @Override
        public boolean canPull() {
            return true;
        }

        @Override
        public String startHint() {
            return "start it";
        }

        @Override
        public CompletableFuture<ServerFacts> inspect(ServerConnection server, Set<String> models) {
            return CompletableFuture.completedFuture(new ServerFacts("1", Map.of(), List.of()));
        }
    }

    /** A kind whose pull fails the way the given exception says. */
    static final class FailingPull extends SaysItCanPull {
        private final RuntimeException failure;

        FailingPull(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void pull(ServerConnection server, String model, Consumer<PullEvent> progress) {
            throw failure;
        }
    }

    private static ServerTarget target(ModelServer kind) {
        ServerAddress address = ServerAddress.of("127.0.0.1:9", "--host");
        return ServerTarget.of(new HttpServerConnection(address, Optional.empty(), "model", "start it"), kind, "--server-kind");
    }

    @Test
    void onlyAKindThatImplementsPullIsPulledOnto() {
        assertTrue(ServerTarget.pulls(new OllamaServer()));
        assertFalse(ServerTarget.pulls(new SaysItCanPull()), "canPull() alone, without pull(): treated as not pulling");
        assertTrue(ServerTarget.pulls(new FailingPull(new IllegalStateException())));
        assertFalse(ServerTarget.pulls(new dev.agentlaunch.core.server.kinds.VllmServer()));
    }

    @Test
    void whatTheServerRefusesIsExit3AndAKindsBugIsExit4() {
        LauncherException refused = assertThrows(LauncherException.class, () -> target(new FailingPull(
                new ServerRefusedException("pulling x:1 failed: the server says 'no such model'; check the name")))
                .pull("x:1", e -> { }, new PullHandle()));
        assertEquals(ExitCode.NOT_READY, refused.exitCode());
        assertEquals("pulling x:1 failed: the server says 'no such model'; check the name", refused.getMessage());

        LauncherException bug = assertThrows(LauncherException.class, () -> target(new FailingPull(new NullPointerException()))
                .pull("x:1", e -> { }, new PullHandle()));
        assertEquals(ExitCode.PLUGIN, bug.exitCode());
        assertTrue(bug.getMessage().startsWith("the Says server kind failed pulling x:1: java.lang.NullPointerException; "),
                bug.getMessage());
    }
}
