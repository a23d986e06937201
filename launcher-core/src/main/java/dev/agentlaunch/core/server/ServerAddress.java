package dev.agentlaunch.core.server;

import dev.agentlaunch.core.LauncherException;
import java.net.URI;
import java.net.InetAddress;
import java.util.Locale;

/**
 * The model server's base URL, from {@code --host}, a profile's or the config's host, or
 * {@code OLLAMA_HOST}, each read the way Ollama reads {@code OLLAMA_HOST} ({@link OllamaHost}).
 *
 * @param url    normalized base URL without a trailing slash
 * @param source where it came from: {@code --host}, {@code OLLAMA_HOST} or {@code default}
 */
public record ServerAddress(String url, String source) {
    public static final String DEFAULT_URL = OllamaHost.DEFAULT_URL;

    /** {@code --host} beats {@code OLLAMA_HOST} beats the default; an {@code OLLAMA_HOST} of only spaces or quotes is unset. */
    public static ServerAddress resolve(String hostFlag, String ollamaHostEnv) {
        if (hostFlag != null) {
            return new ServerAddress(parse(hostFlag, "--host"), "--host");
        }
        if (ollamaHostEnv != null && !OllamaHost.unwrap(ollamaHostEnv).isEmpty()) {
            return new ServerAddress(parse(ollamaHostEnv, "OLLAMA_HOST"), "OLLAMA_HOST");
        }
        return new ServerAddress(DEFAULT_URL, "default");
    }

    /** An address from another source (a profile, the config file), parsed like {@code --host}. */
    public static ServerAddress of(String raw, String source) {
        return new ServerAddress(parse(raw, source), source);
    }

    /**
     * True when the server is on this machine (a loopback name or address), so this machine's GPU
     * and RAM are the memory it can give the models. Any other host is remote: its memory is unknown.
     */
    public boolean isLocal() {
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        InetAddress ip = OllamaHost.literal(host.replaceAll("^\\[|]$", ""));
        return ip != null && ip.isLoopbackAddress();
    }

    static String parse(String raw, String origin) {
        try {
            return OllamaHost.parse(raw);
        } catch (OllamaHost.Refused e) {
            throw LauncherException.usage("invalid server address '" + raw + "' in " + origin + " (" + e.getMessage()
                    + "): use host:port or http://host:port, e.g. 127.0.0.1:11434");
        }
    }
}
