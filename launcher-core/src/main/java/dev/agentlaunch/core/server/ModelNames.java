package dev.agentlaunch.core.server;

import java.util.Locale;

/** How Ollama matches model names: case-insensitively, and a name without a tag means {@code :latest}. */
final class ModelNames {
    private ModelNames() {
    }

    static String normalize(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        int slash = n.lastIndexOf('/');
        return n.indexOf(':', slash + 1) >= 0 ? n : n + ":latest";
    }

    /** Up to {@code limit} of {@code names}, nearest to {@code wanted} first (edit distance, case-insensitive). */
    static java.util.List<String> closest(String wanted, java.util.List<String> names, int limit) {
        String w = wanted.toLowerCase(java.util.Locale.ROOT);
        return names.stream().distinct()
                .sorted(java.util.Comparator.comparingInt((String n) -> distance(w, n.toLowerCase(java.util.Locale.ROOT)))
                        .thenComparing(n -> n))
                .limit(limit).toList();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
