package dev.agentlaunch.plugins.claude;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads, never writes, the settings Claude Code will apply over its environment: the user's
 * ({@code $CLAUDE_CONFIG_DIR} or {@code ~/.claude}{@code /settings.json}), the project's
 * {@code .claude/settings.json} and {@code .claude/settings.local.json} in the working directory,
 * lowest precedence first. A missing file is silence; an unreadable or broken one is one note
 * and is skipped (Claude Code cannot use it either).
 */
final class ClaudeSettings {
    private ClaudeSettings() {
    }

    static List<SettingsSource> files(LaunchContext context) {
        List<Path> paths = new ArrayList<>();
        String configDir = context.ambientEnv().get("CLAUDE_CONFIG_DIR");
        if (configDir != null && !configDir.isEmpty()) {
            paths.add(Path.of(configDir, "settings.json"));
        } else {
            context.home().ifPresent(h -> paths.add(h.resolve(".claude/settings.json")));
        }
        context.workingDirectory().ifPresent(cwd -> {
            paths.add(cwd.resolve(".claude/settings.json"));
            paths.add(cwd.resolve(".claude/settings.local.json"));
        });
        List<SettingsSource> sources = new ArrayList<>();
        for (Path p : paths.stream().distinct().toList()) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                sources.add(source(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
                context.note("ignoring " + p + " while checking Claude Code's routing: " + e.getMessage());
            }
        }
        return sources;
    }

    /**
     * The user's own {@code --settings} among the tool arguments (the last one: Claude Code uses
     * only that), inline JSON or a file; empty when there is none.
     */
    static Optional<SettingsSource> userArgument(LaunchContext context) {
        String value = null;
        boolean found = false;
        List<String> args = context.toolArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--settings")) {
                found = true;
                value = i + 1 < args.size() ? args.get(++i) : "";
            } else if (a.startsWith("--settings=")) {
                found = true;
                value = a.substring("--settings=".length());
            }
        }
        if (!found) {
            return Optional.empty();
        }
        String label = "your --settings";
        try {
            if (value.trim().startsWith("{")) {
                return Optional.of(source(label, value));
            }
            Path file = Path.of(value);
            if (!file.isAbsolute() && context.workingDirectory().isPresent()) {
                file = context.workingDirectory().get().resolve(file);
            }
            return Optional.of(source(label + " (" + file + ")", Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            return Optional.of(new SettingsSource(label, Map.of(), null, null));   // Claude Code reports it itself
        }
    }

    static SettingsSource source(String label, String json) {
        // A BOM is what some Windows editors put in front; the launcher has always read past it.
        Object root = Json.host().parse(json.startsWith("\uFEFF") ? json.substring(1) : json);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (map.get("env") instanceof Map<?, ?> block) {
            block.forEach((k, v) -> {
                if (v instanceof String || v instanceof Boolean) {
                    env.put(String.valueOf(k), String.valueOf(v));
                } else if (v instanceof Number n) {
                    env.put(String.valueOf(k), text(n));
                }
            });
        }
        Object model = map.get("model");
        Object mode = map.get("permissions") instanceof Map<?, ?> permissions ? permissions.get("defaultMode") : null;
        return new SettingsSource(label, env, model instanceof String s ? s : null, mode instanceof String m ? m : null);
    }

    /** A number as JavaScript's {@code String(n)} shows the usual ones: {@code 1} and {@code 1.0} as "1", {@code 0.5} as "0.5". */
    private static String text(Number n) {
        if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }
}
