package dev.agentlaunch.core.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Which model server, and whether to check it. */
public class ServerOptions implements OptionGroup {
    private OptionSpec host;
    private OptionSpec offline;

    @Override
    public void addTo(CommandSpec spec) {
        host = OptionGroup.add(spec, OptionSpec.builder("--host").paramLabel("URL").type(String.class)
                .description("Model server (default: $OLLAMA_HOST, else http://127.0.0.1:11434). "
                        + "Accepts host, host:port or http(s)://host:port.").build());
        offline = OptionGroup.add(spec, OptionSpec.builder("--offline").type(boolean.class)
                .description("Do not contact the model server before launching.").build());
    }

    /** {@code --host}, or null. */
    public String host() {
        return host.getValue();
    }

    public boolean offline() {
        return OptionGroup.flag(offline);
    }
}
