package dev.agentlaunch.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupArchiveTest {
    private static final String ME = "/opt/java-17";

    @TempDir
    Path dir;

    @Test
    void anArchiveThisJavaMadeIsDroppedWithItsOwnerFileWhenUnused() throws Exception {
        Path archive = Files.writeString(dir.resolve("launch.jsa"), "stale");
        Path owner = Files.writeString(dir.resolve("launch.jsa.owner"), ME);
        assertTrue(StartupArchive.dropIfUnused(archive.toString(), "mixed mode", ME));
        assertFalse(Files.exists(archive));
        assertFalse(Files.exists(owner));
    }

    @Test
    void anotherJavasArchiveIsKeptSoTwoJavasDoNotRemakeItInTurn() throws Exception {
        Path otherJava = Files.createDirectory(dir.resolve("java-25"));
        Path archive = Files.writeString(dir.resolve("launch.jsa"), "made by Java 25");
        Files.writeString(dir.resolve("launch.jsa.owner"), otherJava.toString());
        assertFalse(StartupArchive.dropIfUnused(archive.toString(), "mixed mode", ME));
        assertTrue(Files.exists(archive));
    }

    @Test
    void theArchiveOfAJavaNoLongerInstalledIsDropped() throws Exception {
        Path archive = Files.writeString(dir.resolve("launch.jsa"), "made by a removed Java");
        Files.writeString(dir.resolve("launch.jsa.owner"), dir.resolve("removed-java").toString());
        assertTrue(StartupArchive.dropIfUnused(archive.toString(), "mixed mode", ME));
        assertFalse(Files.exists(archive));
    }

    @Test
    void anArchiveTheJvmDidNotMapIsDroppedSoTheNextRunMakesANewOne() throws Exception {
        Path archive = Files.writeString(dir.resolve("launch-1.jsa"), "stale");
        assertTrue(StartupArchive.dropIfUnused(archive.toString(), "mixed mode", ME));
        assertFalse(Files.exists(archive));
    }

    @Test
    void anArchiveInUseIsKept() throws Exception {
        Path archive = Files.writeString(dir.resolve("launch-1.jsa"), "in use");
        assertFalse(StartupArchive.dropIfUnused(archive.toString(), "mixed mode, sharing", ME));
        assertTrue(Files.exists(archive));
    }

    @Test
    void onlyAnArchiveFileIsEverDeleted() throws Exception {
        Path other = Files.writeString(dir.resolve("notes.txt"), "not an archive");
        assertFalse(StartupArchive.dropIfUnused(other.toString(), "mixed mode", ME));
        assertFalse(StartupArchive.dropIfUnused(null, "mixed mode", ME));
        assertTrue(Files.exists(other));
    }
}
