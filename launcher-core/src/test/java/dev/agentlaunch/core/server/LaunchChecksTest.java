package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.PullEvent;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.output.Terminal;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.RecordedRequest;
import dev.agentlaunch.core.sim.SimModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LaunchChecksTest {
    private static final CheckRequirements REQ =
            new CheckRequirements("Claude Code", EnumSet.allOf(Tier.class), 32768, OptionalLong.empty());
    private static final LaunchChecks.Settings PLAIN = new LaunchChecks.Settings(false, false, false, false);
    private static final LaunchChecks.Settings PULL = new LaunchChecks.Settings(true, false, false, false);

    private OllamaSimulator sim;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start().addModel(SimModel.named("qwen3:32b").sizeBytes(20_200_000_000L).contextLength(40960))
                .pullable(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private LaunchChecks checks(Terminal terminal) {
        OllamaClient client = Plans.client(sim);
        long[] clock = {0};
        return new LaunchChecks(Plans.checks(client, null), client, terminal, new Reporter(new PrintWriter(err, true), false, false),
                () -> clock[0] += 250_000_000L);
    }

    private TierPlan plan() {
        return Plans.plan(sim, "qwen3:32b", "qwen3:32b", "qwen3:4b");
    }

    @Test
    void withoutATerminalOrPullAMissingModelStopsAndSaysHowToGetIt() {
        LauncherException e = assertThrows(LauncherException.class, () -> checks(Terminal.none()).run(plan(), REQ, PLAIN));
        assertEquals(ExitCode.NOT_READY, e.exitCode());
        // the server came from --host, so the command says where `ollama pull` must go
        assertEquals("qwen3:4b (small tier) is not on the model server at " + sim.url() + "; pull it with "
                + "'OLLAMA_HOST=" + sim.url() + " ollama pull qwen3:4b', or pass --pull to let the launcher do it", e.getMessage());
        assertTrue(sim.requests("/api/pull").isEmpty());
        assertFalse(err.toString().contains("Pull "), "nobody can answer, so nothing is asked: " + err);
    }

    @Test
    void pullFlagPullsWithPlainProgressLinesWhenNotATerminal() {
        ServerReport r = checks(Terminal.none()).run(plan(), REQ, PULL);

        List<RecordedRequest> pulls = sim.requests("/api/pull");
        assertEquals(1, pulls.size());
        assertEquals("qwen3:4b", pulls.get(0).model());
        assertTrue(r.missing().isEmpty());
        assertEquals(OptionalLong.of(2_600_000_000L), r.models().get(1).size());
        String out = err.toString();
        assertFalse(out.contains("\r"), "no bar without a terminal: " + out);
        assertTrue(out.contains("launch: pulling qwen3:4b: pulling manifest\n"), out);
        assertTrue(out.contains("% of 2.6 GB\n"), out);
        assertTrue(out.contains(" 100% of 2.6 GB\n"), out);
        assertTrue(out.contains("launch: pulling qwen3:4b: success\n"), out);
        assertTrue(out.contains("launch: pulled qwen3:4b in "), out);
        // after the pull the models are looked at again
        assertEquals(2, sim.requests("/api/tags").size());
    }

    @Test
    void onATerminalItAsksAndDrawsABar() {
        ServerReport r = checks(Terminal.scripted(true, List.of(""))).run(plan(), REQ, PLAIN);
        assertTrue(r.missing().isEmpty());
        String out = err.toString();
        assertTrue(out.startsWith("Pull qwen3:4b (small tier) onto the server at " + sim.url() + "? [Y/n] "), out);
        assertTrue(out.contains("\rqwen3:4b "), out);
        assertTrue(out.contains("] 100% 2.6 GB/2.6 GB"), out);
        assertTrue(out.contains("GB/s"), "a rate: " + out);
        assertEquals(1, sim.requests("/api/pull").size());
    }

    @Test
    void answeringNoStopsWithoutPulling() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> checks(Terminal.scripted(true, List.of("n"))).run(plan(), REQ, PLAIN));
        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertTrue(e.getMessage().contains(" ollama pull qwen3:4b', or pass --pull"), e.getMessage());
        assertTrue(sim.requests("/api/pull").isEmpty());
    }

    @Test
    void aNameTheServerCannotPullIsOneLine() {
        TierPlan plan = Plans.plan(sim, "qwen3:32b", "qwen3:32b", "no-such-model:7b");
        LauncherException e = assertThrows(LauncherException.class, () -> checks(Terminal.none()).run(plan, REQ, PULL));
        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertEquals("pulling no-such-model:7b failed: the server says 'pull model manifest: file does not exist'; "
                + "check the model name (and the server's disk space)", e.getMessage());
    }

    @Test
    void aPullAnswered500IsOneLine() {
        sim.failNext("/api/pull", 500, "no space left on device");
        LauncherException e = assertThrows(LauncherException.class, () -> checks(Terminal.none()).run(plan(), REQ, PULL));
        assertEquals("pulling qwen3:4b failed: the server answered HTTP 500 (no space left on device); check the model name "
                + "and the server's log", e.getMessage());
    }

    @Test
    void aDryRunPullsNothingAndSaysWhatTheLaunchWouldDo() {
        ServerReport r = checks(Terminal.none()).run(plan(), REQ, new LaunchChecks.Settings(false, false, false, true));
        assertEquals(1, r.missing().size());
        assertTrue(sim.requests("/api/pull").isEmpty());
        assertTrue(err.toString().contains("launch: warning: qwen3:4b (small tier) is not on the server: the launch would stop; "
                + "pull it with 'OLLAMA_HOST=" + sim.url() + " ollama pull qwen3:4b'"), err.toString());
    }

    @Test
    void withoutAMemoryFigureTheFitIsSkippedWithOneLine() {
        sim.addModel(SimModel.named("qwen3:4b"));
        checks(Terminal.none()).run(plan(), REQ, PLAIN);
        assertEquals("launch: memory fit not checked: this machine's memory is unknown; pass --memory SIZE to check the fit\n",
                err.toString());
    }

    @Test
    void warningsArePrintedAndStrictMakesThemStopTheLaunch() {
        sim.addModel(SimModel.named("qwen3:4b").capabilities("completion"));
        checks(Terminal.none()).run(plan(), REQ, PLAIN);
        assertTrue(err.toString().contains("launch: warning: qwen3:4b (small tier) does not support tool calling"), err.toString());

        LauncherException e = assertThrows(LauncherException.class,
                () -> checks(Terminal.none()).run(plan(), REQ, new LaunchChecks.Settings(false, false, true, false)));
        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertEquals("stopping because of --strict: 1 warning above; fix it or drop --strict", e.getMessage());
    }

    @Test
    void cancellingAPullEndsItWithOneLineAndExit130() {
        sim.pullChunkDelay(Duration.ofMillis(20));
        PullHandle handle = new PullHandle();
        List<PullEvent> seen = new ArrayList<>();
        LauncherException e = assertThrows(LauncherException.class, () -> Plans.client(sim).pull("qwen3:4b", ev -> {
            seen.add(ev);
            if (ev.isDownload()) {
                handle.cancel();            // what the Ctrl-C handler does
            }
        }, handle));
        assertEquals(PullHandle.CANCELLED_EXIT, e.exitCode());
        assertTrue(e.getMessage().startsWith("pull of qwen3:4b cancelled; nothing was launched"), e.getMessage());
        assertFalse(seen.stream().anyMatch(ev -> ev.status().equals("success")));
    }
}
