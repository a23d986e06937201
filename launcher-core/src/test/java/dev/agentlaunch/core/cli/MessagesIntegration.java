package dev.agentlaunch.core.cli;

import dev.agentlaunch.api.Integration;
import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan;
import dev.agentlaunch.api.WireApi;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** A test integration that speaks Anthropic messages, like Claude Code, and passes its token by value. */
@Extension
public final class MessagesIntegration implements Integration {
    @Override
    public String id() {
        return "messages-tool";
    }

    @Override
    public String displayName() {
        return "Messages Tool";
    }

    @Override
    public List<String> executableNames() {
        return List.of("messages-tool-not-installed");
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
        return Map.of("MESSAGES_URL", plan.endpoint());
    }

    @Override
    public WireApi wireApi() {
        return WireApi.ANTHROPIC_MESSAGES;
    }
}
