package dev.agentlaunch.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class-data-sharing archive {@code bin/launch} keeps in the distribution for the Java it runs
 * on (one archive per Java command, {@code lib/cds/<path>.jsa}). The JVM silently stops using an
 * archive that no longer matches (the jars changed, or that Java was updated in place or now points
 * at another JDK); dropping it then lets the next run make a fresh one instead of starting slowly,
 * with no sharing at all, from then on.
 */
final class StartupArchive {
    /** Names the archive this JVM was started with. */
    static final String PROPERTY = "agentlaunch.cds";

    private StartupArchive() {
    }

    /**
     * Deletes {@code archive} when this JVM did not map it.
     *
     * @param archive the archive's path, or null when none was used
     * @param vmInfo  {@code java.vm.info}, which says "sharing" when an archive is mapped
     * @return true when the archive was dropped
     */
    static boolean dropIfUnused(String archive, String vmInfo) {
        if (archive == null || !archive.endsWith(".jsa") || vmInfo == null || vmInfo.contains("sharing")) {
            return false;
        }
        try {
            return Files.deleteIfExists(Path.of(archive));
        } catch (IOException | RuntimeException e) {
            return false;   // the next run tries again
        }
    }
}
