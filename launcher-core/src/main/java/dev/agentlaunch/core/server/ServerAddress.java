package dev.agentlaunch.core.server;

import dev.agentlaunch.core.LauncherException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The model server's base URL, parsed the way Ollama parses {@code OLLAMA_HOST}: {@code host},
 * {@code host:port}, {@code :port}, {@code http(s)://host[:port]}; no port means 11434 without a
 * scheme, 80 / 443 with one. A wildcard bind address ({@code 0.0.0.0}, {@code ::}) is where a
 * server listens, not where a client connects, so it becomes loopback.
 *
 * @param url    normalized base URL without a trailing slash
 * @param source where it came from: {@code --host}, {@code OLLAMA_HOST} or {@code default}
 */
public record ServerAddress(String url, String source) {
    public static final String DEFAULT_URL = "http://127.0.0.1:11434";

    /** {@code --host} beats {@code OLLAMA_HOST} beats the default. */
    public static ServerAddress resolve(String hostFlag, String ollamaHostEnv) {
        if (hostFlag != null) {
            return new ServerAddress(parse(hostFlag, "--host"), "--host");
        }
        if (ollamaHostEnv != null && !ollamaHostEnv.isBlank()) {
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
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("[0:0:0:0:0:0:0:1]");
    }

    static String parse(String raw, String origin) {
        String s = raw.trim();
        String scheme = "http";
        String defaultPort = "11434";
        int sep = s.indexOf("://");
        if (sep >= 0) {
            scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
            s = s.substring(sep + 3);
            if (scheme.equals("http")) {
                defaultPort = "80";
            } else if (scheme.equals("https")) {
                defaultPort = "443";
            } else {
                throw bad(raw, origin, "scheme must be http or https");
            }
        }
        String path = "";
        int slash = s.indexOf('/');
        if (slash >= 0) {
            path = s.substring(slash).replaceAll("/+$", "");
            s = s.substring(0, slash);
        }
        String host;
        String port;
        if (s.startsWith("[")) {                       // [v6]:port or [v6]
            int close = s.indexOf(']');
            if (close < 0) {
                throw bad(raw, origin, "unclosed '[' in IPv6 address");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            port = rest.startsWith(":") ? rest.substring(1) : defaultPort;
        } else if (s.chars().filter(c -> c == ':').count() == 1) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        } else {
            host = s;
            port = defaultPort;
        }
        if (host.isEmpty() || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        } else if (host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            host = "::1";
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
            throw bad(raw, origin, "port must be a number from 1 to 65535");
        }
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        try {
            URI uri = new URI(scheme + "://" + hostPart + ":" + port + path);
            if (uri.getHost() == null) {
                throw bad(raw, origin, "not a host name");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw bad(raw, origin, "not a host name");
        }
    }

    private static LauncherException bad(String raw, String origin, String why) {
        return LauncherException.usage("invalid server address '" + raw + "' in " + origin + " (" + why
                + "): use host:port or http://host:port, e.g. 127.0.0.1:11434");
    }
}
