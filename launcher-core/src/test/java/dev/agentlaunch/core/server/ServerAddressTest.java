package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    private static String url(String raw) {
        return ServerAddress.resolve(raw, null).url();
    }

    @Test
    void hostFlagBeatsOllamaHostBeatsTheDefault() {
        assertEquals(new ServerAddress("http://10.0.0.5:11434", "--host"), ServerAddress.resolve("10.0.0.5", "gpu:1"));
        assertEquals(new ServerAddress("http://gpu:1", "OLLAMA_HOST"), ServerAddress.resolve(null, "gpu:1"));
        assertEquals(new ServerAddress("http://127.0.0.1:11434", "default"), ServerAddress.resolve(null, null));
        assertEquals(new ServerAddress("http://127.0.0.1:11434", "default"), ServerAddress.resolve(null, "  "));
    }

    @Test
    void acceptsTheFormsOllamaAccepts() {
        assertEquals("http://gpu-box:11434", url("gpu-box"));
        assertEquals("http://gpu-box:8080", url("gpu-box:8080"));
        assertEquals("http://127.0.0.1:8080", url(":8080"));
        assertEquals("http://gpu-box:80", url("http://gpu-box"));
        assertEquals("https://gpu-box:443", url("https://gpu-box"));
        assertEquals("https://gpu-box:9443", url("HTTPS://gpu-box:9443/"));
        assertEquals("http://gpu-box:11434/ollama", url("http://gpu-box:11434/ollama/"));
        assertEquals("http://[fe80::1]:11434", url("[fe80::1]:11434"));
        assertEquals("http://[fe80::1]:11434", url("[fe80::1]"));
    }

    @Test
    void aWildcardBindAddressMeansLoopback() {
        assertEquals("http://127.0.0.1:11434", url("0.0.0.0"));
        assertEquals("http://127.0.0.1:9999", url("0.0.0.0:9999"));
        assertEquals("http://[::1]:11434", url("[::]:11434"));
    }

    @Test
    void garbageIsOneUsageLineNamingWhereItCameFrom() {
        for (String bad : new String[] {"ftp://gpu", "gpu:port", "gpu:0", "gpu:70000", "[fe80::1", "http://:99999", "gpu box"}) {
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
        assertFalse(ServerAddress.resolve("gpu-box", null).isLocal());
        assertFalse(ServerAddress.resolve("192.168.1.20:11434", null).isLocal());
        assertFalse(ServerAddress.resolve("https://ollama.example.org", null).isLocal());
    }
}
