package dev.agentlaunch.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The launcher's version and the launcher-api version it implements, from build-time resources. */
public final class Versions {
    private Versions() {
    }

    public static String launcher() {
        return read("/dev/agentlaunch/core/version.properties");
    }

    public static String api() {
        return read("/dev/agentlaunch/api/launcher-api.properties");
    }

    private static String read(String resource) {
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
