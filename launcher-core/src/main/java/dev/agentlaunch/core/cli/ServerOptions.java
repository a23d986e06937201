package dev.agentlaunch.core.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Which model server, and whether to check it. */
public class ServerOptions implements OptionGroup {
    private OptionSpec host;
    private OptionSpec server;
    private OptionSpec kind;
    private OptionSpec apiKeyEnv;
    private OptionSpec tierServer;
    private OptionSpec offline;

    @Override
    public void addTo(CommandSpec spec) {
        host = OptionGroup.add(spec, OptionSpec.builder("--host").paramLabel("URL").type(String.class)
                .description("Model server (default: $OLLAMA_HOST, else http://127.0.0.1:11434). "
                        + "Accepts host, host:port or http(s)://host:port.").build());
        server = OptionGroup.add(spec, OptionSpec.builder("--server").paramLabel("NAME").type(String.class)
                .description("A model server named in the config's \"servers\" (url, kind, apiKeyEnv).").build());
        kind = OptionGroup.add(spec, OptionSpec.builder("--server-kind").paramLabel("KIND").type(String.class)
                .description("The server's kind: ollama, vllm, sglang, llamacpp, lmstudio, litellm, openai, or one a plugin "
                        + "adds (default: detected; Ollama with --offline).").build());
        apiKeyEnv = OptionGroup.add(spec, OptionSpec.builder("--api-key-env").paramLabel("VAR").type(String.class)
                .description("The NAME of the environment variable that holds the server's token (never the token itself).")
                .build());
        tierServer = OptionGroup.add(spec, OptionSpec.builder("--tier-server").paramLabel("TIER=SERVER")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .description("Send one tier to another server: a name in the config's \"servers\" or a URL, e.g. "
                        + "--tier-server small=laptop. Repeatable; for tools that can route tiers to different servers. "
                        + "A profile says the same with \"tierServers\": {\"small\": \"laptop\"} (profile save --tier-server); "
                        + "this flag wins per tier.")
                .build());
        offline = OptionGroup.add(spec, OptionSpec.builder("--offline").type(boolean.class)
                .description("Do not contact the model server before launching.").build());
    }

    /** {@code --host}, or null. */
    public String host() {
        return host.getValue();
    }

    /** Every server option given, for the request resolver. */
    public dev.agentlaunch.core.config.ServerFlags flags() {
        return new dev.agentlaunch.core.config.ServerFlags(host.getValue(), server.getValue(), kind.getValue(),
                apiKeyEnv.getValue());
    }

    /**
     * {@code --tier-server TIER=SERVER}, by tier.
     *
     * @throws dev.agentlaunch.core.LauncherException exit 2 for a value that is not TIER=SERVER
     */
    public java.util.Map<dev.agentlaunch.api.Tier, String> tierServers() {
        return tierServers(tierServer.getValue());
    }

    /**
     * {@code TIER=SERVER} values by tier (also for {@code profile save --tier-server}).
     *
     * @throws dev.agentlaunch.core.LauncherException exit 2 for a value that is not TIER=SERVER
     */
    static java.util.Map<dev.agentlaunch.api.Tier, String> tierServers(java.util.List<String> values) {
        java.util.Map<dev.agentlaunch.api.Tier, String> byTier = new java.util.EnumMap<>(dev.agentlaunch.api.Tier.class);
        if (values == null) {
            return byTier;
        }
        for (String v : values) {
            int eq = v.indexOf('=');
            dev.agentlaunch.api.Tier tier = null;
            for (dev.agentlaunch.api.Tier t : dev.agentlaunch.api.Tier.values()) {
                if (eq > 0 && t.id().equals(v.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT))) {
                    tier = t;
                }
            }
            if (tier == null || eq == v.length() - 1) {
                throw dev.agentlaunch.core.LauncherException.usage("--tier-server '" + dev.agentlaunch.core.output.Reporter.flatten(v)
                        + "' is not TIER=SERVER; use large, medium or small, then a server name or URL, e.g. --tier-server small=laptop");
            }
            byTier.put(tier, v.substring(eq + 1).trim());
        }
        return byTier;
    }

    public boolean offline() {
        return OptionGroup.flag(offline);
    }
}
