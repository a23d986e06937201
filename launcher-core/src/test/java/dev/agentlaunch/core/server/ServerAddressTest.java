package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {
    @ParameterizedTest
    @CsvSource({
            "127.0.0.1,                   http://127.0.0.1:11434",
            "gpu-box,                     http://gpu-box:11434",
            "gpu-box:8080,                http://gpu-box:8080",
            ":11500,                      http://127.0.0.1:11500",
            "0.0.0.0,                     http://127.0.0.1:11434",
            "0.0.0.0:11434,               http://127.0.0.1:11434",
            "http://gpu-box,              http://gpu-box:80",
            "https://ollama.example.com,  https://ollama.example.com:443",
            "https://h:8443/,             https://h:8443",
            "http://h:1/ollama/,          http://h:1/ollama",
            "[::1]:11434,                 http://[::1]:11434",
    })
    void parsesLikeOllama(String raw, String want) {
        assertEquals(want, ServerAddress.parse(raw, "--host"));
    }

    @Test
    void flagBeatsEnvBeatsDefault() {
        assertEquals(new ServerAddress("http://a:1", "--host"), ServerAddress.resolve("a:1", "b:2"));
        assertEquals(new ServerAddress("http://b:2", "OLLAMA_HOST"), ServerAddress.resolve(null, "b:2"));
        assertEquals(new ServerAddress("http://127.0.0.1:11434", "default"), ServerAddress.resolve(null, null));
        assertEquals(new ServerAddress("http://127.0.0.1:11434", "default"), ServerAddress.resolve(null, " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://h", "h:99999", "h:0", "h:port", "http://[::1", "h o s t"})
    void garbageIsAUsageError(String raw) {
        LauncherException e = assertThrows(LauncherException.class, () -> ServerAddress.parse(raw, "OLLAMA_HOST"));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }
}
