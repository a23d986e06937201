package dev.agentlaunch.core.cli;

import dev.agentlaunch.core.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code launch --version}: the launcher's version and the plugin API it implements. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"agent-launch " + Versions.launcher() + " (launcher-api " + Versions.api() + ", Java "
                + System.getProperty("java.version") + ")"};
    }
}
