package dev.agentlaunch.core.tiers;

import java.util.Locale;
import java.util.Optional;

/**
 * A model name as Ollama's server reads the {@code model} of a chat request (rules read from
 * Ollama's source: its model-reference parsing and its name type; written here in our own words).
 *
 * <ol>
 *   <li>Surrounding white space is dropped; nothing left means no model.</li>
 *   <li>A source suffix after the last {@code ':'} ({@code cloud} or {@code local}, any case, spaces
 *       around it allowed) says where the model runs and is cut off before the lookup; so is a tag
 *       ending in {@code -cloud} ({@code gpt-oss:20b-cloud} is {@code gpt-oss:20b} on Ollama Cloud).
 *       Two source suffixes ({@code m:cloud:local}) are refused.</li>
 *   <li>What is left is {@code [[scheme://]host/][namespace/]model[:tag]}: the tag is what follows a
 *       {@code ':'} after the last {@code '/'}; the model is the last {@code '/'}-part; one more part is
 *       the namespace, and everything before that is the host. So a two-part name is
 *       namespace/model, never host/model.</li>
 *   <li>Each part starts with a letter, digit or {@code '_'} and goes on with letters, digits,
 *       {@code '_'} and {@code '-'}; the host, model and tag may also hold {@code '.'}; only the host
 *       may hold {@code ':'} (a port). Host 1–350 characters, the others 1–80. ASCII only.</li>
 * </ol>
 * Matching is case-insensitive on the server; a missing tag means {@code latest}.
 *
 * @param original the name as given
 * @param base     the name the server looks up: trimmed, source suffix removed
 * @param source   where the name says the model runs
 */
public record OllamaModelName(String original, String base, Source source) {

    /** Where a name says its model runs. */
    public enum Source {
        /** No suffix: whatever the server has under that name (which may itself be a cloud model). */
        UNSPECIFIED,
        /** {@code :local}: only a model on the server itself. */
        LOCAL,
        /** {@code :cloud} or a {@code -cloud} tag: Ollama Cloud, through the server. */
        CLOUD
    }

    /** A name and why the server would refuse it, or the parsed name. */
    public record Parsed(Optional<OllamaModelName> name, String problem) {
        public boolean valid() {
            return name.isPresent();
        }
    }

    /** True when the name itself says Ollama Cloud ({@code :cloud}, {@code -cloud} tag). */
    public boolean isCloud() {
        return source == Source.CLOUD;
    }

    /** Parses like the server does; {@code problem} says in words why a name is refused. */
    public static Parsed parse(String raw) {
        if (raw == null) {
            return refused("no model name");
        }
        String trimmed = trimGoSpace(raw);
        if (trimmed.isEmpty()) {
            return refused("no model name");
        }
        Suffix outer = sourceSuffix(trimmed);
        if (outer.source != Source.UNSPECIFIED && sourceSuffix(outer.base).source != Source.UNSPECIFIED) {
            return refused("it has two source suffixes; use either :local or :cloud, not both");
        }
        String problem = nameProblem(outer.base);
        if (problem != null) {
            return refused(problem);
        }
        return new Parsed(Optional.of(new OllamaModelName(raw, outer.base, outer.source)), null);
    }

    private static Parsed refused(String problem) {
        return new Parsed(Optional.empty(), problem);
    }

    // ---------------------------------------------------------------- source suffix

    private record Suffix(String base, Source source) {
    }

    private static Suffix sourceSuffix(String name) {
        int colon = name.lastIndexOf(':');
        if (colon < 0) {
            return new Suffix(name, Source.UNSPECIFIED);
        }
        String after = trimGoSpace(name.substring(colon + 1));
        String lower = after.toLowerCase(Locale.ROOT);
        if (lower.equals("cloud")) {
            return new Suffix(name.substring(0, colon), Source.CLOUD);
        }
        if (lower.equals("local")) {
            return new Suffix(name.substring(0, colon), Source.LOCAL);
        }
        if (after.indexOf('/') < 0 && lower.endsWith("-cloud")) {      // the older cloud tags: gpt-oss:20b-cloud
            return new Suffix(name.substring(0, colon + 1) + after.substring(0, after.length() - "-cloud".length()), Source.CLOUD);
        }
        return new Suffix(name, Source.UNSPECIFIED);
    }

    // ---------------------------------------------------------------- the name proper

    private enum Part {
        HOST("host", 350), NAMESPACE("namespace", 80), MODEL("model", 80), TAG("tag", 80);

        final String word;
        final int max;

        Part(String word, int max) {
            this.word = word;
            this.max = max;
        }
    }

    /** Null when the server accepts {@code name} (without source suffix), else the reason in words. */
    static String nameProblem(String name) {
        String rest = name;
        String tag = null;
        if (rest.lastIndexOf(':') > rest.lastIndexOf('/')) {
            int colon = rest.lastIndexOf(':');
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (rest.isEmpty()) {
                return "there is no model before ':'";
            }
            if (tag.isEmpty()) {
                return "there is no tag after ':'; leave the ':' out for the latest tag";
            }
        }
        String model = rest;
        String namespace = null;
        String host = null;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            model = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (model.isEmpty()) {
                return "there is no model after '/'";
            }
            if (rest.isEmpty()) {
                return "there is nothing before '/'";
            }
            namespace = rest;
            slash = rest.lastIndexOf('/');
            if (slash >= 0) {
                namespace = rest.substring(slash + 1);
                host = rest.substring(0, slash);
                if (namespace.isEmpty()) {
                    return "there is no namespace between two '/'";
                }
                if (host.isEmpty()) {
                    return "there is no host before the first '/'";
                }
                int scheme = host.indexOf("://");
                if (scheme >= 0) {
                    host = host.substring(scheme + 3);          // the server ignores a scheme before the registry host
                }
            }
        }
        String problem = partProblem(Part.HOST, host);
        if (problem == null) {
            problem = partProblem(Part.NAMESPACE, namespace);
        }
        if (problem == null) {
            problem = partProblem(Part.MODEL, model);
        }
        if (problem == null) {
            problem = partProblem(Part.TAG, tag);
        }
        if (problem != null && namespace != null && host == null && (namespace.indexOf('.') >= 0 || namespace.indexOf(':') >= 0)) {
            return problem + " (a two-part name is namespace/model: name a registry as host/namespace/model)";
        }
        return problem;
    }

    /** Null when the part is absent (the server fills in its default) or valid. */
    private static String partProblem(Part part, String s) {
        if (s == null || (part == Part.HOST && s.isEmpty())) {
            return null;
        }
        if (s.isEmpty() || s.length() > part.max) {
            return "its " + part.word + " '" + s + "' has " + s.length() + " characters; Ollama takes 1 to " + part.max;
        }
        char first = s.charAt(0);
        if (!wordChar(first)) {
            return "its " + part.word + " '" + s + "' starts with '" + first + "'; a part starts with a letter, a digit or '_'";
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = wordChar(c) || c == '-'
                    || (c == '.' && part != Part.NAMESPACE)
                    || (c == ':' && part == Part.HOST);
            if (!ok) {
                return "its " + part.word + " '" + s + "' holds '" + c + "'; " + allowed(part);
            }
        }
        return null;
    }

    private static String allowed(Part part) {
        return switch (part) {
            case HOST -> "a host holds letters, digits, '_', '-', '.' and ':' (a port)";
            case NAMESPACE -> "a namespace holds letters, digits, '_' and '-'";
            case MODEL, TAG -> "a " + part.word + " holds letters, digits, '_', '-' and '.'";
        };
    }

    private static boolean wordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Drops what Go's {@code strings.TrimSpace} drops: Unicode white space, not other control characters. */
    public static String trimGoSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && goSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && goSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean goSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u00a0' || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
