package dev.agentlaunch.core.process;

import java.util.List;

/**
 * The tool versions a plugin was proven on, as a range: from the first (oldest) to the last
 * (newest) of {@code Integration.provenToolVersions()}. A version outside it is worth a note, never
 * an error: a newer tool often works, and {@code bench/tool-drift.sh} is how a plugin's range grows.
 */
public record ProvenRange(List<String> versions) {
    public ProvenRange {
        versions = List.copyOf(versions);
    }

    /** Whether the plugin declared any version. */
    public boolean declared() {
        return !versions.isEmpty();
    }

    /** "2.1.197 to 2.1.332", or the one version. */
    @Override
    public String toString() {
        if (versions.isEmpty()) {
            return "";
        }
        String first = versions.get(0);
        String last = versions.get(versions.size() - 1);
        return first.equals(last) ? first : first + " to " + last;
    }

    /** Whether a known version lies outside a declared range (below its first or above its last). */
    public boolean outside(String version) {
        return declared() && version != null
                && (compare(version, versions.get(0)) < 0 || compare(version, versions.get(versions.size() - 1)) > 0);
    }

    /** The note for an installed tool outside the range, naming which side. */
    public String note(String toolName, String version, String where, String pluginId) {
        boolean newer = compare(version, versions.get(versions.size() - 1)) > 0;
        return toolName + " " + version + " at " + where + " is " + (newer ? "newer than" : "older than") + " the versions the '"
                + pluginId + "' plugin was proven on (" + this + "); " + (newer
                ? "it will likely work; if it does not, install a proven version or look for a newer plugin"
                : "install a proven version if it misbehaves");
    }

    /**
     * Orders {@code x.y.z[-pre]} versions by their numbers; at equal numbers a pre-release comes
     * first. Parts that are not numbers compare as text.
     */
    static int compare(String a, String b) {
        String[] x = a.split("[-+]", 2);
        String[] y = b.split("[-+]", 2);
        String[] xs = x[0].split("\\.");
        String[] ys = y[0].split("\\.");
        for (int i = 0; i < Math.max(xs.length, ys.length); i++) {
            String p = i < xs.length ? xs[i] : "0";
            String q = i < ys.length ? ys[i] : "0";
            int c;
            try {
                c = Long.compare(Long.parseLong(p), Long.parseLong(q));
            } catch (NumberFormatException e) {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        boolean xPre = x.length > 1;
        boolean yPre = y.length > 1;
        return xPre == yPre ? (xPre ? x[1].compareTo(y[1]) : 0) : (xPre ? -1 : 1);
    }
}
