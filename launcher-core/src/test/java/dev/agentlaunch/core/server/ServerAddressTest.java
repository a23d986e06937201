package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerAddressTest {

    @Test
    void hostFlagBeatsOllamaHostBeatsTheDefault() {
        assertEquals(new ServerAddress("http://10.0.0.5:11434", "--host"), ServerAddress.resolve("10.0.0.5", "gpu:1"));
        assertEquals(new ServerAddress("http://gpu:1", "OLLAMA_HOST"), ServerAddress.resolve(null, "gpu:1"));
        assertEquals(new ServerAddress("http://127.0.0.1:11434", "default"), ServerAddress.resolve(null, null));
        assertEquals(new ServerAddress("http://127.0.0.1:11434", "default"), ServerAddress.resolve(null, "  "));
    }

    private static Arguments row(String raw, String url, String why) {
        return Arguments.of(raw, url, why);
    }

    /** The host table: a value, the URL the launcher talks to (null: refused, exit 2), and why. */
    static Stream<Arguments> hosts() {
        return Stream.of(
                row("1.2.3.4", "http://1.2.3.4:11434", "an address alone: http and Ollama's port"),
                row("1.2.3.4:1234", "http://1.2.3.4:1234", "address and port"),
                row("gpu-box", "http://gpu-box:11434", "a host name alone"),
                row("gpu-box:8080", "http://gpu-box:8080", "host name and port"),
                row(":8080", "http://127.0.0.1:8080", "a port alone: this machine"),
                row("gpu:", "http://gpu:11434", "an empty port is the default port"),
                row("http://gpu-box", "http://gpu-box:80", "http:// defaults to port 80"),
                row("https://gpu-box", "https://gpu-box:443", "https:// defaults to port 443"),
                row("http://1.2.3.4:4321", "http://1.2.3.4:4321", "scheme, address and port"),
                row("https://1.2.3.4:4321", "https://1.2.3.4:4321", "https with a port"),
                row("HTTPS://gpu-box:9443/", "https://gpu-box:9443", "a scheme in capitals; a trailing slash dropped"),
                row("https://example.com/ollama", "https://example.com:443/ollama", "a reverse proxy's path prefix"),
                row("http://gpu-box:11434/ollama/", "http://gpu-box:11434/ollama", "a path with a trailing slash"),
                row("ollama.com", "https://ollama.com:443", "bare ollama.com is its HTTPS endpoint"),
                row("ollama.com:443", "http://ollama.com:443", "only the bare name is special, as in Ollama"),
                row("https://ollama.com", "https://ollama.com:443", "ollama.com spelled out"),
                row(" 1.2.3.4 ", "http://1.2.3.4:11434", "spaces around the value"),
                row("\"1.2.3.4\"", "http://1.2.3.4:11434", "double quotes (Windows, systemd)"),
                row("'1.2.3.4'", "http://1.2.3.4:11434", "single quotes"),
                row(" \" 1.2.3.4 \" ", "http://1.2.3.4:11434", "spaces, quotes, spaces"),
                row("\"http://gpu:9000\"\n", "http://gpu:9000", "a quoted URL with a newline after it"),
                row("[::1]", "http://[::1]:11434", "IPv6 loopback in brackets"),
                row("::1", "http://[::1]:11434", "IPv6 without brackets"),
                row("[::1]:1337", "http://[::1]:1337", "IPv6 with a port"),
                row("[fe80::1]:11434", "http://[fe80::1]:11434", "another IPv6 address"),
                row("fe80::1", "http://[fe80::1]:11434", "bare IPv6: the colons are not a port"),
                row("[fe80::1", "http://[fe80::1]:11434", "an unclosed bracket: Ollama reads the address anyway"),
                row("0.0.0.0", "http://127.0.0.1:11434", "the IPv4 wildcard is this machine"),
                row("0.0.0.0:9999", "http://127.0.0.1:9999", "the wildcard with a port"),
                row("https://0.0.0.0:4321", "https://127.0.0.1:4321", "the wildcard with a scheme"),
                row("[::]", "http://[::1]:11434", "the IPv6 wildcard is this machine"),
                row("[::]:11434", "http://[::1]:11434", "the IPv6 wildcard with a port"),
                row("::", "http://[::1]:11434", "the bare IPv6 wildcard"),
                row("localhost:11434", "http://localhost:11434", "localhost"),
                row("http://", null, "a scheme and no host"),
                row("https:///ollama", null, "a path and no host"),
                row("", null, "nothing (--host \"\")"),
                row("\"\"", null, "only quotes"),
                row("ftp://gpu", null, "a scheme the launcher cannot speak"),
                row("gpu:port", null, "a port that is not a number (Ollama would quietly use 11434)"),
                row("gpu:0", null, "port 0"),
                row("gpu:70000", null, "a port over 65535"),
                row(":-1", null, "a negative port"),
                row("http://:99999", null, "no host and a port too large"),
                row("gpu box", null, "a space in a host name"),
                row("h\nx", null, "a newline inside"));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("hosts")
    void readsHostsTheWayOllamaDoes(String raw, String url, String why) {
        if (url != null) {
            assertEquals(url, ServerAddress.resolve(raw, null).url(), why);
            assertEquals(url, ServerAddress.resolve(null, raw).url(), "OLLAMA_HOST the same: " + why);
            assertEquals(url, ServerAddress.of(raw, "the config's host").url(), "the config's host the same: " + why);
        } else {
            LauncherException e = assertThrows(LauncherException.class, () -> ServerAddress.resolve(raw, null), why);
            assertEquals(ExitCode.USAGE, e.exitCode(), why);
            assertTrue(e.getMessage().startsWith("invalid server address '"), e.getMessage());
        }
    }

    @Test
    void anOllamaHostOfOnlySpacesOrQuotesIsUnset() {
        assertEquals("default", ServerAddress.resolve(null, " ").source());
        assertEquals("default", ServerAddress.resolve(null, "\"\"").source());
        assertEquals(ExitCode.USAGE, assertThrows(LauncherException.class, () -> ServerAddress.resolve(null, "http://")).exitCode());
    }

    @Test
    void garbageIsOneUsageLineNamingWhereItCameFrom() {
        for (String bad : new String[] {"ftp://gpu", "gpu:port", "gpu:0", "gpu:70000", "http://:99999", "gpu box"}) {
            LauncherException e = assertThrows(LauncherException.class, () -> ServerAddress.resolve(bad, null), bad);
            assertEquals(ExitCode.USAGE, e.exitCode(), bad);
            assertTrue(e.getMessage().startsWith("invalid server address '" + bad + "' in --host"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        LauncherException env = assertThrows(LauncherException.class, () -> ServerAddress.resolve(null, "gpu:x"));
        assertTrue(env.getMessage().contains("in OLLAMA_HOST"), env.getMessage());
    }

    @Test
    void onlyLoopbackServersAreLocal() {
        assertTrue(ServerAddress.resolve(null, null).isLocal());
        assertTrue(ServerAddress.resolve("localhost:11434", null).isLocal());
        assertTrue(ServerAddress.resolve("0.0.0.0", null).isLocal());
        assertTrue(ServerAddress.resolve("127.0.1.1", null).isLocal());
        assertTrue(ServerAddress.resolve("[::1]:11434", null).isLocal());
        assertTrue(ServerAddress.resolve("[::]", null).isLocal());
        assertTrue(ServerAddress.resolve("[0:0:0:0:0:0:0:1]", null).isLocal());
        assertFalse(ServerAddress.resolve("ollama.com", null).isLocal());
        assertFalse(ServerAddress.resolve("gpu-box", null).isLocal());
        assertFalse(ServerAddress.resolve("192.168.1.20:11434", null).isLocal());
        assertFalse(ServerAddress.resolve("https://ollama.example.org", null).isLocal());
    }
}
