package dev.agentlaunch.plugins.claude;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import dev.agentlaunch.api.LaunchRefusedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's own {@code Explore} subagent, passed with {@code --agents}. Claude Code's
 * built-in Explore ran on the {@code haiku} model up to 2.1.197 and inherits the main model since
 * 2.1.198, and no setting brings it back; an {@code --agents} entry of the same name replaces the
 * built-in. This one says {@code "model":"haiku"} (resolved through
 * {@code ANTHROPIC_DEFAULT_HAIKU_MODEL}, so it follows the small tier), forbids the same tools as
 * the built-in (read-only: no edits, no nested agents, no plan exit, no artifacts), skips the
 * CLAUDE.md files like the built-in, and brings its own prompt, since an entry replaces the
 * built-in's prompt too.
 *
 * <p>Claude Code keeps only the last {@code --agents}. A user's own is merged with this entry into
 * one object that takes the user's place among their arguments; their definition wins for any
 * name they define, Explore included.
 */
final class ExploreAgent {
    static final String FLAG = "--agents";
    static final String NAME = "Explore";
    /** The built-in Explore's {@code disallowedTools} (2.1.332; the Artifact tools do not exist on older versions). */
    static final List<String> DISALLOWED = List.of("Agent", "Edit", "Write", "NotebookEdit", "ExitPlanMode",
            "Artifact", "ArtifactComments", "ArtifactData", "ArtifactCheck");
    static final String DESCRIPTION = "Fast read-only search agent: finds files by name or pattern, searches code for "
            + "keywords and answers questions about the codebase. Say how thorough to be: quick, medium or very thorough.";
    static final String PROMPT = "You search a codebase and report what you find; you never change anything. "
            + "Find files by name or pattern, search their contents for keywords or regular expressions, and read the "
            + "files that matter. Run only commands that read (ls, git status, git log, git diff, find, cat, head, tail). "
            + "Never create, edit, move or delete a file, and never run a command that changes the system. "
            + "Search several places at once when you can, stop when the question is answered, and reply with a concise "
            + "report: the absolute paths that matter and what is in them.";

    private ExploreAgent() {
    }

    /** The entry as one {@code "Explore":{...}} member, in a fixed order so the same launch gives the same text. */
    static String member() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("description", DESCRIPTION);
        entry.put("prompt", PROMPT);
        entry.put("model", "haiku");
        entry.put("disallowedTools", DISALLOWED);
        entry.put("omitClaudeMd", true);
        return Json.host().write(NAME) + ":" + Json.host().write(entry);
    }

    /** The launcher's {@code --agents} value when the user passes none. */
    static String json() {
        return "{" + member() + "}";
    }

    /** Whether the user's arguments carry their own {@code --agents}. */
    static boolean userHasAgents(List<String> args) {
        return args.stream().anyMatch(a -> a.equals(FLAG) || a.startsWith(FLAG + "="));
    }

    /**
     * The user's arguments with their {@code --agents} (the last one, which is the one Claude Code
     * reads) merged with the launcher's Explore, in the place of that last one; earlier ones,
     * which Claude Code ignores, are dropped. Everything else passes untouched.
     *
     * @throws LaunchRefusedException when the user's value is not a JSON object
     */
    static List<String> merged(List<String> args, LaunchContext context) {
        int last = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(FLAG) || args.get(i).startsWith(FLAG + "=")) {
                last = i;
            }
        }
        if (last < 0) {
            return args;
        }
        boolean separate = args.get(last).equals(FLAG);
        if (separate && last + 1 >= args.size()) {
            throw new LaunchRefusedException("your " + FLAG + " has no value; pass a JSON object of agent definitions, "
                    + "e.g. " + FLAG + " '{\"reviewer\":{\"description\":\"...\",\"prompt\":\"...\"}}'");
        }
        String value = separate ? args.get(last + 1) : args.get(last).substring(FLAG.length() + 1);
        Map<?, ?> theirs = object(value);
        String merged;
        if (theirs.containsKey(NAME)) {
            merged = value;
            context.note("your " + FLAG + " defines " + NAME + ", which replaces the launcher's (a read-only Explore on the "
                    + "small tier); yours runs on the model it names");
        } else {
            // Their text, byte for byte, with the launcher's member in front: nothing of theirs is re-encoded.
            String body = value.strip().substring(1).strip();
            merged = "{" + member() + (body.equals("}") ? "" : ",") + body;
            context.note("tip: your " + FLAG + " and the launcher's " + NAME + " (on the small tier) are passed as one "
                    + FLAG + ", as Claude Code reads only the last one");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean flag = a.equals(FLAG) || a.startsWith(FLAG + "=");
            if (flag && i != last) {
                if (a.equals(FLAG)) {
                    i++;   // an earlier --agents and its value: Claude Code ignores them
                }
                continue;
            }
            if (i == last) {
                out.add(FLAG);
                out.add(merged);
                if (separate) {
                    i++;
                }
                continue;
            }
            out.add(a);
        }
        return out;
    }

    private static Map<?, ?> object(String value) {
        Object parsed;
        try {
            parsed = Json.host().parse(value);
        } catch (IllegalArgumentException e) {
            throw new LaunchRefusedException("your " + FLAG + " is not valid JSON (" + e.getMessage() + "); pass a JSON "
                    + "object of agent definitions, e.g. " + FLAG + " '{\"reviewer\":{\"description\":\"...\",\"prompt\":\"...\"}}'");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new LaunchRefusedException("your " + FLAG + " is not a JSON object; pass an object of agent definitions, "
                    + "e.g. " + FLAG + " '{\"reviewer\":{\"description\":\"...\",\"prompt\":\"...\"}}'");
        }
        return map;
    }
}
