package dev.agentlaunch.core.testkit;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.core.output.PlanPrinter;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.plugins.LoadedIntegration;
import dev.agentlaunch.core.process.LaunchPlan;
import dev.agentlaunch.core.process.LaunchPlanner;
import dev.agentlaunch.core.server.ApiKey;
import dev.agentlaunch.core.server.ServerAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the launcher shows and writes for an integration's plan, as a real launch computes it (part
 * of the plugin authors' test kit): the {@code --dry-run} plan as text and as JSON, the notes on
 * stderr, and every file the integration put in the launcher's state dir. For a plugin's test that
 * a server's token (the plan's {@link TierPlan#apiKeyEnv()}, its value in {@code ambient}) appears
 * in none of it, and of which variable carries it to the tool.
 *
 * @param plan    the launch plan (its {@link LaunchPlan#tokenReference(String)} names the variables
 *                that carry the token)
 * @param printed the dry-run text and JSON and the notes, one after the other
 * @param written the content of every file in the launcher's state dir, one after the other
 */
public record PrintedPlan(LaunchPlan plan, String printed, String written) {

    /**
     * Maps {@code plan} through {@code integration} as a launch does, with {@code ambient} as the
     * user's environment (it holds the token's variable) and the state dir under {@code dir}.
     */
    public static PrintedPlan of(Integration integration, TierPlan plan, Map<String, String> ambient, Path dir) {
        Map<String, String> env = new HashMap<>(ambient);
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        StringWriter err = new StringWriter();
        LoadedIntegration loaded = new LoadedIntegration(integration, integration.id(), "test", "", Path.of("test.jar"), "test");
        LaunchPlan launch = new LaunchPlanner(env, java.util.Optional.empty(), new Reporter(new PrintWriter(err, true), false, false))
                .map(loaded, plan, ServerAddress.of(plan.endpoint(), "--host"), List.of(),
                        ApiKey.resolve(plan.apiKeyEnv().orElse(null), "--api-key-env", env));
        StringWriter out = new StringWriter();
        new PlanPrinter(new PrintWriter(out)).print(launch, false);
        new PlanPrinter(new PrintWriter(out)).print(launch, true);
        StringBuilder written = new StringBuilder();
        try (Stream<Path> files = Files.exists(dir.resolve("state")) ? Files.walk(dir.resolve("state")) : Stream.empty()) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                written.append(Files.readString(f)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PrintedPlan(launch, out + err.toString(), written.toString());
    }
}
