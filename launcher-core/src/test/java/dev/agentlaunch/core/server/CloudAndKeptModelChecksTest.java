package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ollama Cloud models and the user's kept tier variables, checked like any tier model. */
class CloudAndKeptModelChecksTest {
    private static final long GB = 1_000_000_000L;
    private static final CheckRequirements REQ =
            new CheckRequirements("Claude Code", EnumSet.allOf(Tier.class), 32768, OptionalLong.empty());
    private static final LaunchChecks.Settings PULL_WITHOUT_ASKING = new LaunchChecks.Settings(true, true, false, false);
    private static final LaunchChecks.Settings DRY_RUN = new LaunchChecks.Settings(false, false, false, true);

    private OllamaSimulator sim;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        sim = OllamaSimulator.start()
                .addModel(SimModel.named("qwen3:4b").sizeBytes(2_600_000_000L).contextLength(40960))
                .addCloudModel(SimModel.named("gpt-oss:20b").sizeBytes(14 * GB).contextLength(131072))
                .pullable(SimModel.named("gpt-oss:20b").sizeBytes(14 * GB));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private LaunchChecks checks(Long memory) {
        OllamaClient client = Plans.client(sim);
        return new LaunchChecks(Plans.checks(client, memory), client, Terminal.none(),
                new Reporter(new PrintWriter(err, true), false, false), System::nanoTime);
    }

    private TierPlan cloudLarge() {
        return Plans.plan(sim, "gpt-oss:20b:cloud", "gpt-oss:20b:cloud", "qwen3:4b");
    }

    @Test
    void aCloudModelTakesNoMemoryAndItsContextIsWhatTheServerReports() {
        ServerReport r = checks(8 * GB).run(cloudLarge(), REQ, PULL_WITHOUT_ASKING);

        ModelStatus cloud = r.models().get(0);
        assertEquals("gpt-oss:20b:cloud", cloud.name());
        assertTrue(cloud.present() && cloud.cloud());
        assertEquals(131072, cloud.contextLength().getAsInt(), "the context the server reported for the cloud model");
        assertEquals(2_600_000_000L, r.memory().total(), "only the local model counts");
        assertTrue(r.memory().fits(), "14 GB in the cloud does not overflow an 8 GB budget");
        assertEquals(List.of("gpt-oss:20b:cloud"), r.memory().cloud());
        assertTrue(r.memory().summary().startsWith("2.6 GB for 1 model of 8 GB"), r.memory().summary());
        assertTrue(err.toString().contains("gpt-oss:20b:cloud runs on Ollama Cloud (no memory here)"), err.toString());
        assertEquals(List.of("gpt-oss:20b:cloud", "qwen3:4b"),
                sim.requests("/api/show").stream().map(RecordedRequest::model).sorted().toList(), "asked by the name as given");
        assertTrue(sim.requests("/api/pull").isEmpty(), "a cloud model is never pulled");
    }

    @Test
    void aStubTheServerListsWithARemoteHostIsACloudModelToo() {
        sim.addModel(SimModel.named("team-cloud:latest").remote(SimModel.OLLAMA_CLOUD, "gpt-oss:120b"));
        ServerReport r = checks(8 * GB).run(Plans.plan(sim, "team-cloud", "team-cloud", "qwen3:4b"), REQ, PULL_WITHOUT_ASKING);

        assertTrue(r.models().get(0).cloud(), r.models().toString());
        assertEquals(2_600_000_000L, r.memory().total(), "the stub's bytes are not memory");
    }

    @Test
    void notSignedInSaysOllamaSigninAndNeverOffersAPull() {
        sim.cloudSignedIn(false);
        LauncherException e = assertThrows(LauncherException.class,
                () -> checks(null).run(cloudLarge(), REQ, PULL_WITHOUT_ASKING));

        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertEquals("gpt-oss:20b:cloud (large and medium tiers) runs on Ollama Cloud and the server at " + sim.url()
                + " is not signed in to ollama.com; run 'ollama signin' where the server runs, then launch again", e.getMessage());
        assertTrue(sim.requests("/api/pull").isEmpty(), "not even with --pull --yes");
    }

    @Test
    void aCloudNameTheCloudDoesNotServeIsNeverPulled() {
        LauncherException e = assertThrows(LauncherException.class, () -> checks(null)
                .run(Plans.plan(sim, "nope:1b:cloud", "qwen3:4b", "qwen3:4b"), REQ, PULL_WITHOUT_ASKING));

        assertTrue(e.getMessage().startsWith("nope:1b:cloud (large tier) is not a model Ollama Cloud serves"), e.getMessage());
        assertTrue(sim.requests("/api/pull").isEmpty());
    }

    @Test
    void aKeptAmbientModelTheServerLacksStopsTheLaunchNamingVariableValueAndFlag() {
        List<KeptModel> kept = List.of(new KeptModel("ANTHROPIC_DEFAULT_HAIKU_MODEL", "claude-3-5-haiku-latest", Tier.SMALL));
        LauncherException e = assertThrows(LauncherException.class,
                () -> checks(null).run(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"), kept, REQ, PULL_WITHOUT_ASKING));

        assertEquals(ExitCode.NOT_READY, e.exitCode());
        assertEquals("your ANTHROPIC_DEFAULT_HAIKU_MODEL=claude-3-5-haiku-latest is not on the model server at " + sim.url()
                + " (kept because the small tier's model was only derived); pass --small MODEL to replace it for this session, "
                + "or unset ANTHROPIC_DEFAULT_HAIKU_MODEL", e.getMessage());
        assertTrue(sim.requests("/api/pull").isEmpty(), "the user's own variable is never pulled");
        assertEquals(List.of("claude-3-5-haiku-latest", "qwen3:4b"),
                sim.requests("/api/show").stream().map(RecordedRequest::model).sorted().toList());
    }

    @Test
    void aKeptAmbientModelTheServerHasIsCheckedAndLabelled() {
        sim.addModels("qwen3:1.7b");
        List<KeptModel> kept = List.of(new KeptModel("ANTHROPIC_DEFAULT_HAIKU_MODEL", "qwen3:1.7b", Tier.SMALL));
        ServerReport r = checks(null).run(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"), kept, REQ, PULL_WITHOUT_ASKING);

        ModelStatus yours = r.models().stream().filter(m -> m.name().equals("qwen3:1.7b")).findFirst().orElseThrow();
        assertTrue(yours.present() && yours.onlyYours());
        assertEquals("your ANTHROPIC_DEFAULT_HAIKU_MODEL", yours.tierWords());
    }

    @Test
    void aDryRunSaysTheLaunchWouldStopAndGoesOn() {
        List<KeptModel> kept = List.of(new KeptModel("ANTHROPIC_DEFAULT_HAIKU_MODEL", "claude-3-5-haiku-latest", Tier.SMALL));
        ServerReport r = checks(null).run(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"), kept, REQ, DRY_RUN);

        assertEquals(1, r.missing().size());
        assertTrue(err.toString().contains("the launch would stop: your ANTHROPIC_DEFAULT_HAIKU_MODEL=claude-3-5-haiku-latest"),
                err.toString());
        assertFalse(err.toString().contains("pull"), err.toString());
    }

    @Test
    void aKeptValueThatIsNoOllamaNameIsNotEvenAsked() {
        List<KeptModel> kept = List.of(new KeptModel("ANTHROPIC_DEFAULT_HAIKU_MODEL", "a b", Tier.SMALL));
        LauncherException e = assertThrows(LauncherException.class,
                () -> checks(null).run(Plans.plan(sim, "qwen3:4b", "qwen3:4b", "qwen3:4b"), kept, REQ, PULL_WITHOUT_ASKING));
        assertTrue(e.getMessage().startsWith("your ANTHROPIC_DEFAULT_HAIKU_MODEL=a b is not a model name Ollama accepts"),
                e.getMessage());
        assertEquals(List.of("qwen3:4b"), sim.requests("/api/show").stream().map(RecordedRequest::model).toList());
    }
}
