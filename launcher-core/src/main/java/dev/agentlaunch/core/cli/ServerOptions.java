package dev.agentlaunch.core.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Which model server, and whether to check it. */
public class ServerOptions implements OptionGroup {
    private OptionSpec host;
    private OptionSpec server;
    private OptionSpec kind;
    private OptionSpec apiKeyEnv;
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

    public boolean offline() {
        return OptionGroup.flag(offline);
    }
}
