package dev.agentlaunch.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupArchiveTest {
    @TempDir
    Path dir;

    @Test
    void anArchiveTheJvmDidNotMapIsDroppedSoTheNextRunMakesANewOne() throws Exception {
        Path archive = Files.writeString(dir.resolve("java.jsa"), "stale: other jars, or this Java path now another JDK");
        assertTrue(StartupArchive.dropIfUnused(archive.toString(), "mixed mode"));
        assertFalse(Files.exists(archive));
    }

    @Test
    void anArchiveInUseIsKept() throws Exception {
        Path archive = Files.writeString(dir.resolve("java.jsa"), "in use");
        assertFalse(StartupArchive.dropIfUnused(archive.toString(), "mixed mode, sharing"));
        assertTrue(Files.exists(archive));
    }

    @Test
    void onlyAnArchiveFileIsEverDeleted() throws Exception {
        Path other = Files.writeString(dir.resolve("notes.txt"), "not an archive");
        assertFalse(StartupArchive.dropIfUnused(other.toString(), "mixed mode"));
        assertFalse(StartupArchive.dropIfUnused(null, "mixed mode"));
        assertTrue(Files.exists(other));
    }
}
