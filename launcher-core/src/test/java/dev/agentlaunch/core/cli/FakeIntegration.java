package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * A test integration, packed into a plugin jar by {@link TestPlugin}. Its env shows what the
 * server said about the small tier's model, proving the checked plan reaches plugins.
 */
@Extension
public final class FakeIntegration implements Integration {
    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String displayName() {
        return "Fake Agent";
    }

    @Override
    public List<String> executableNames() {
        return List.of("fake-agent-not-installed");
    }

    @Override
    public String installHint() {
        return "there is nothing to install";
    }

    @Override
    public Map<Tier, String> tierRoles() {
        Map<Tier, String> roles = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            roles.put(t, t.id() + " work");
        }
        return roles;
    }

    @Override
    public Map<String, String> tierEnv(TierPlan plan) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FAKE_BASE_URL", plan.endpoint());
        env.put("FAKE_SMALL_MODEL", plan.model(Tier.SMALL));
        env.put("FAKE_SMALL_URL", plan.server(Tier.SMALL).url());
        env.put("FAKE_SMALL_CONTEXT", plan.info(Tier.SMALL).map(i -> String.valueOf(i.contextLength().orElse(-1))).orElse("unknown"));
        return env;
    }

    /** Like OpenCode: each tier can go to its own server. */
    @Override
    public boolean supportsServerPerTier() {
        return true;
    }

    @Override
    public int minimumContextTokens() {
        return 16384;
    }
}
