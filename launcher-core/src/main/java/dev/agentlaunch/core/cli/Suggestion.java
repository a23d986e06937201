package dev.agentlaunch.core.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a mistyped command, integration or option: only a name close to what
 * was typed (one or two edits, a swapped pair of letters counting as one, or what was typed is the
 * start of it), never merely the least distant of unrelated names.
 */
public final class Suggestion {
    private Suggestion() {
    }

    /** The candidate closest to {@code typed}, when one is close enough to be what was meant. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String t = bare(typed);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        int allowed = t.length() <= 5 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(typed)) {
                continue;
            }
            String c = bare(candidate);
            int d = distance(t, c);
            if (t.length() >= 3 && c.startsWith(t) && c.length() > t.length()) {
                d = Math.min(d, 1);                 // "list" for "list-integrations"
            }
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Lower case, without an option's leading dashes. */
    private static String bare(String name) {
        return name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
