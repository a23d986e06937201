package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.server.ServerAddress;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which model server, and whether to check it. */
public class ServerOptions {
    @Option(names = "--host", paramLabel = "URL",
            description = "Model server (default: $OLLAMA_HOST, else http://127.0.0.1:11434). "
                    + "Accepts host, host:port or http(s)://host:port.")
    String host;

    @Option(names = "--offline", description = "Do not contact the model server before launching.")
    boolean offline;

    public ServerAddress address(Map<String, String> env) {
        return ServerAddress.resolve(host, env.get("OLLAMA_HOST"));
    }
}
