package dev.agentlaunch.core.server;

import dev.agentlaunch.core.tiers.OllamaModelName;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code OLLAMA_HOST} read the way Ollama's own client reads it (rules from Ollama's source, its
 * environment configuration; written here in our own words), used alike for {@code --host} and
 * a config file's host:
 * <ul>
 *   <li>White space around the value, then quotes ({@code "} or {@code '}) around it, then white
 *       space again are dropped: Windows and systemd users write them.</li>
 *   <li>{@code scheme://} is optional. Without one the scheme is http and the default port 11434;
 *       {@code http://} defaults to port 80, {@code https://} to 443. The bare name {@code ollama.com}
 *       means its HTTPS endpoint, {@code https://ollama.com:443}.</li>
 *   <li>Anything from the first {@code /} after the host is a path prefix (a reverse proxy's).</li>
 *   <li>{@code host:port}, {@code [v6]:port}, a bare IPv6 address ({@code ::1}) or {@code [v6]}; no
 *       host ({@code :8080}) means this machine.</li>
 *   <li>A wildcard bind address ({@code 0.0.0.0}, {@code ::}) is where a server listens, not where a
 *       client connects: it becomes the loopback address of its family.</li>
 * </ul>
 * Where Ollama shrugs and a launcher should not: Ollama replaces a port that is not a number from 0
 * to 65535 by the default port (logging a warning nobody sees) and would connect to port 0 or to a
 * scheme it cannot speak; here those are usage errors, as is a scheme with no host
 * ({@code http://}), which Ollama reads as 127.0.0.1:80. Schemes are matched in any case.
 */
final class OllamaHost {
    static final String DEFAULT_URL = "http://127.0.0.1:11434";

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Why a value is not a server address, in words for the one-line error. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private OllamaHost() {
    }

    /** The value with the white space and quotes Ollama drops around it. */
    static String unwrap(String raw) {
        String s = trimSpace(raw);
        int start = 0;
        int end = s.length();
        while (start < end && isQuote(s.charAt(start))) {
            start++;
        }
        while (end > start && isQuote(s.charAt(end - 1))) {
            end--;
        }
        return trimSpace(s.substring(start, end));
    }

    /** The base URL (no trailing slash) for a non-empty value. */
    static String parse(String raw) throws Refused {
        String s = unwrap(raw);
        if (s.isEmpty()) {
            throw new Refused("no host given");
        }
        String scheme = "http";
        String defaultPort = "11434";
        int sep = s.indexOf("://");
        if (sep < 0) {
            if (s.equals("ollama.com")) {
                return "https://ollama.com:443";
            }
        } else {
            scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
            s = s.substring(sep + 3);
            switch (scheme) {
                case "http" -> defaultPort = "80";
                case "https" -> defaultPort = "443";
                default -> throw new Refused("scheme must be http or https");
            }
            if (s.isEmpty() || s.startsWith("/")) {
                throw new Refused("no host after " + scheme + "://");
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
        String[] split = splitHostPort(s);
        if (split != null) {
            host = split[0];
            port = split[1].isEmpty() ? defaultPort : split[1];
        } else {
            host = s.replaceAll("^\\[+|]+$", "");        // [v6] or a bare v6 address: an address without a port
            port = defaultPort;
            if (!isIpLiteral(host)) {
                host = s;
            }
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
            throw new Refused("port must be a number from 1 to 65535");
        }
        host = connectable(host);
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        try {
            URI uri = new URI(scheme + "://" + hostPart + ":" + port + path);
            if (uri.getHost() == null) {
                throw new Refused("not a host name");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new Refused("not a host name");
        }
    }

    /**
     * Go's {@code net.SplitHostPort}: {@code host:port} with exactly one colon, or {@code [host]:port};
     * null when the value has no port part that way (no colon, several colons, {@code [v6]} alone).
     */
    private static String[] splitHostPort(String s) {
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                return null;
            }
            String host = s.substring(1, close);
            String port = s.substring(close + 2);
            return host.contains("[") || host.contains("]") || port.contains("[") || port.contains("]") ? null
                    : new String[] {host, port};
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0 || s.indexOf(':') != colon) {
            return null;
        }
        String host = s.substring(0, colon);
        return host.contains("[") || host.contains("]") ? null : new String[] {host, s.substring(colon + 1)};
    }

    /** No host, or a wildcard address, becomes the loopback address a client can connect to. */
    private static String connectable(String host) {
        if (host.isEmpty()) {
            return "127.0.0.1";
        }
        InetAddress ip = literal(host);
        if (ip != null && ip.isAnyLocalAddress()) {
            return ip.getAddress().length == 4 ? "127.0.0.1" : "::1";
        }
        return host;
    }

    static boolean isIpLiteral(String host) {
        return literal(host) != null;
    }

    /** The address a literal names, never a DNS lookup: only strings that look like an IP are parsed. */
    static InetAddress literal(String host) {
        try {
            if (IPV4.matcher(host).matches()) {
                String[] octets = host.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(octets[i]);
                    if (v > 255) {
                        return null;
                    }
                    bytes[i] = (byte) v;
                }
                return InetAddress.getByAddress(bytes);
            }
            // With brackets the JDK parses an IPv6 literal or fails; it never asks DNS.
            return IPV6.matcher(host).matches() ? InetAddress.getByName("[" + host + "]") : null;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static String trimSpace(String s) {
        return OllamaModelName.trimGoSpace(s);
    }
}
