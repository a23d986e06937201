package dev.agentlaunch.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class-data-sharing archive {@code bin/launch} keeps in the distribution. The JVM silently
 * stops using an archive that no longer matches (the jars or Java changed); dropping it then lets
 * the next run make a fresh one instead of starting slowly from then on. An archive another,
 * still installed Java made is kept: a user who runs the launcher under two Javas would otherwise
 * have each drop the other's archive and spend seconds making its own on every switch (the second
 * Java then runs without one). A Java updated in place is the same Java: its archive is remade.
 */
final class StartupArchive {
    /** Names the archive this JVM was started with. */
    static final String PROPERTY = "agentlaunch.cds";
    /** Next to the archive: which Java made it ({@link #owner()}), written by the training run. */
    static final String OWNER_SUFFIX = ".owner";

    private StartupArchive() {
    }

    /** This Java, as the archive's owner file records it: its home directory. */
    static String owner() {
        return System.getProperty("java.home");
    }

    /**
     * Deletes {@code archive} when this JVM did not map it, unless another Java that is still
     * installed made it.
     *
     * @param archive the archive's path, or null when none was used
     * @param vmInfo  {@code java.vm.info}, which says "sharing" when an archive is mapped
     * @param owner   this Java, as {@link #owner()} gives it
     * @return true when the archive was dropped
     */
    static boolean dropIfUnused(String archive, String vmInfo, String owner) {
        if (archive == null || !archive.endsWith(".jsa") || vmInfo == null || vmInfo.contains("sharing")) {
            return false;
        }
        try {
            Path jsa = Path.of(archive);
            Path ownerFile = Path.of(archive + OWNER_SUFFIX);
            if (Files.isRegularFile(ownerFile)) {
                String madeBy = Files.readString(ownerFile, StandardCharsets.UTF_8);
                if (!madeBy.equals(owner) && Files.isDirectory(Path.of(madeBy))) {
                    return false;       // another installed Java's: it still serves that Java
                }
            }
            Files.deleteIfExists(ownerFile);
            return Files.deleteIfExists(jsa);
        } catch (IOException | RuntimeException e) {
            return false;   // the next run tries again
        }
    }

    /** For the training run: records this Java as the owner of the archive being made, in {@code file}. */
    static void recordOwner(String file) {
        if (file == null || file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), owner(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // without it the archive is simply treated as this Java's
        }
    }
}
