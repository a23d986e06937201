package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryProbeTest {
    @TempDir
    Path dir;

    private Path meminfo(String kib) throws IOException {
        return Files.writeString(dir.resolve("meminfo"), "MemTotal:       " + kib + " kB\nMemFree:         1000 kB\n");
    }

    private static MemoryProbe probe(Map<String, String> outputs, String os, Path meminfo) {
        return new MemoryProbe(argv -> Optional.ofNullable(outputs.get(argv.get(0))), os, meminfo);
    }

    @Test
    void nvidiaGpusAddUp() throws IOException {
        MemoryBudget b = probe(Map.of("nvidia-smi", "24576\n24576\n"), "Linux", meminfo("65000000")).probe().orElseThrow();
        assertEquals(2 * 24576L * 1024 * 1024, b.bytes());
        assertEquals("GPU memory (nvidia-smi, 2 GPUs)", b.source());
    }

    @Test
    void macUsesUnifiedMemory() throws IOException {
        MemoryBudget b = probe(Map.of("sysctl", "34359738368\n"), "Mac OS X", dir.resolve("none")).probe().orElseThrow();
        assertEquals(34_359_738_368L, b.bytes());
        assertTrue(b.source().startsWith("unified memory"), b.source());
    }

    @Test
    void withoutAGpuItIsSystemRam() throws IOException {
        MemoryBudget b = probe(Map.of(), "Linux", meminfo("16384000")).probe().orElseThrow();
        assertEquals(16_384_000L * 1024, b.bytes());
        assertTrue(b.source().startsWith("system RAM"), b.source());
    }

    @Test
    void garbageFromNvidiaSmiFallsBackToRam() throws IOException {
        MemoryBudget b = probe(Map.of("nvidia-smi", "[N/A]\n"), "Linux", meminfo("1024")).probe().orElseThrow();
        assertEquals(1024L * 1024, b.bytes());
    }

    @Test
    void nothingKnownIsEmpty() {
        assertTrue(probe(Map.of(), "Windows 11", dir.resolve("none")).probe().isEmpty());
        assertTrue(MemoryProbe.nvidia("").isEmpty());
    }
}
