package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a terminal user expects of a CLI: shell completion, help with examples on every
 * command, colour only on a terminal and never under NO_COLOR, --quiet and --debug.
 */
class TerminalConventionsIT {
    @TempDir
    Path home;
    @TempDir
    Path outside;

    @Test
    void bashCompletionCompletesCommandsIntegrationsAndTheirOptions() throws Exception {
        Launcher.Result r = new Launcher(home).run("completion", "bash");
        assertEquals(0, r.exitCode(), r::toString);
        Path script = Files.writeString(outside.resolve("launch.bash"), r.stdout());

        assertTrue(complete(script, "launch cl").contains("claude"), "integration names complete");
        assertTrue(complete(script, "launch li").contains("list-integrations"));
        assertTrue(complete(script, "launch claude --sm").contains("--small"), "an integration's tier flags complete");
        assertTrue(complete(script, "launch completion ").containsAll(List.of("bash", "zsh", "fish")));
    }

    @Test
    void profileNamesFromTheConfigFileComplete() throws Exception {
        Path config = Files.createDirectories(home.resolve(".config/agent-launch")).resolve("config.json");
        Files.writeString(config, "{\"profiles\": {\"coding\": {\"large\": \"qwen3:32b\"}, "
                + "\"gpu-box\": {\"model\": \"gpt-oss:20b\"}}}");
        Launcher.Result r = new Launcher(home).run("completion", "bash");
        assertEquals(0, r.exitCode(), r::toString);
        Path script = Files.writeString(outside.resolve("launch.bash"), r.stdout());

        // (bash's compopt complains outside a real completion call: that line is not a candidate)
        assertEquals(List.of("coding", "gpu-box"), complete(script, "launch claude --profile ").stream()
                .filter(w -> !w.isEmpty() && !w.contains("compopt")).sorted().toList());
        assertEquals(List.of("coding"), complete(script, "launch claude --profile co").stream()
                .filter(w -> !w.contains("compopt")).toList());
    }

    @Test
    void zshGetsTheBashScriptThroughBashcompinit() throws Exception {
        Launcher.Result r = new Launcher(home).run("completion", "zsh");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("bashcompinit") && r.stdout().contains("complete -F _complete_launch"), r.stdout());
    }

    @Test
    void fishCompletionListsIntegrationsWithTheirOptions() throws Exception {
        Launcher.Result r = new Launcher(home).run("completion", "fish");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.contains("complete -c launch -n __fish_use_subcommand -a 'claude' "
                + "-d 'Start Claude Code against the model server, with a model per tier'"), r.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("complete -c launch -n '__fish_seen_subcommand_from claude' "
                + "-l large -r -d 'Model for the large tier: main conversation")), r.stdout());
        assertTrue(lines.contains("complete -c launch -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'"),
                r.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.contains("-l plugins-dir -r -F")), "directories complete as files");
    }

    @Test
    void everyCommandsHelpHasExamples() throws Exception {
        Launcher.Result root = new Launcher(home).run("--help");
        assertEquals(0, root.exitCode(), root::toString);
        List<String> commands = commandsIn(root.stdout());
        assertTrue(commands.containsAll(List.of("claude", "list-integrations", "completion")), commands::toString);
        assertTrue(root.stdout().contains("Examples:"), root.stdout());
        for (String command : commands) {
            Launcher.Result help = new Launcher(home).run(command, "--help");
            assertEquals(0, help.exitCode(), help::toString);
            String examples = help.stdout().substring(help.stdout().indexOf("Examples:") + 1);
            assertTrue(help.stdout().contains("Examples:") && examples.contains("launch "), command + ": " + help.stdout());
        }
    }

    @Test
    void theDistributionShipsAManPagePerCommand() throws Exception {
        Path man1 = Launcher.dist().resolve("man/man1");
        for (String page : List.of("launch", "launch-claude", "launch-list-integrations", "launch-completion")) {
            String troff = Files.readString(man1.resolve(page + ".1"));
            assertTrue(troff.contains(".TH \"" + page.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-") + "\" \"1\""), page + ": " + troff);
            assertTrue(troff.contains(".SH \"EXAMPLES:\"") || troff.contains("Examples:"), page + " has examples");
        }
        String claude = Files.readString(man1.resolve("launch-claude.1"));
        assertTrue(claude.contains("[\\-\\- TOOL_ARGS...]"), "the whole synopsis: " + claude);
        assertTrue(claude.contains("launch claude \\-\\-large qwen3:32b"), claude);
        assertFalse(claude.contains(Launcher.dist().getParent().toString()), "no build path in the page");
    }

    @Test
    void colourOnlyOnATerminalAndNeverUnderNoColor() throws Exception {
        String env = new Launcher(home).processBuilder(List.of()).environment().entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue() + "'").collect(Collectors.joining(" "));
        String launch = "'" + Launcher.script() + "' list-integrations --help";
        Path session = Files.writeString(outside.resolve("session.sh"), "exec env -i TERM=\"$TERM\" " + env + " sh -c \""
                + launch + "; echo MARK-NO-COLOR; NO_COLOR=1 " + launch + "; echo MARK-PIPE; " + launch
                + " | cat; echo MARK-END; exec sleep 600\"\n");

        try (Tmux tmux = Tmux.start(outside, 160, 60, "sh", session.toString())) {
            tmux.awaitScreen("all three runs", s -> s.contains("MARK-END"), Duration.ofSeconds(60));
            String all = tmux.historyWithEscapes();
            String tty = all.substring(0, all.indexOf("MARK-NO-COLOR"));
            String noColor = all.substring(all.indexOf("MARK-NO-COLOR"), all.indexOf("MARK-PIPE"));
            String piped = all.substring(all.indexOf("MARK-PIPE"), all.indexOf("MARK-END"));
            assertTrue(tty.contains("\u001b[") && tty.contains("--json"), "colour on a terminal: " + tty);
            assertTrue(noColor.contains("--json") && !noColor.contains("\u001b["), "NO_COLOR: " + noColor);
            assertTrue(piped.contains("--json") && !piped.contains("\u001b["), "stdout not a terminal: " + piped);
        }
    }

    @Test
    void quietSilencesNotesButNotTheLaunch() throws Exception {
        StubTool stub = new StubTool(outside, "claude", 0);
        Launcher launcher = new Launcher(home).path(stub.binDir).env("ANTHROPIC_DEFAULT_HAIKU_MODEL", "mine:1");

        Launcher.Result noisy = launcher.run("claude", "--offline", "--large", "qwen3:32b", "--small", "qwen3:4b", "--dry-run");
        assertTrue(noisy.stderr().contains("launch: replacing your ANTHROPIC_DEFAULT_HAIKU_MODEL"), noisy::toString);

        Launcher.Result quiet = launcher.run("claude", "--offline", "--quiet", "--large", "qwen3:32b", "--small", "qwen3:4b");
        assertEquals(0, quiet.exitCode(), quiet::toString);
        assertEquals("", quiet.stderr(), "no notes under --quiet");
        assertEquals("qwen3:4b", stub.env().get("ANTHROPIC_DEFAULT_HAIKU_MODEL"), "the launch itself is unchanged");
    }

    @Test
    void debugShowsPluginDiscoveryAndTimings() throws Exception {
        Launcher.Result r = new Launcher(home).run("--debug", "claude", "--offline", "--model", "qwen3:8b", "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        String err = r.stderr();
        assertTrue(err.contains("launch: debug: plugins dir " + Launcher.dist().resolve("plugins") + " (built-in)"), err);
        assertTrue(err.contains("launch: debug: plugins dir " + home.resolve(".local/share/agent-launch/plugins")
                + " (user): absent"), err);
        assertTrue(err.matches("(?s).*launch: debug: plugins loaded in \\d+ ms: \\d+ integration\\(s\\), 0 failed.*"), err);
        assertTrue(err.contains("launch: debug: integration 'claude' from "), err);
        assertTrue(err.matches("(?s).*launch: debug: command done in \\d+ ms.*"), err);

        Launcher.Result plain = new Launcher(home).run("claude", "--offline", "--model", "qwen3:8b", "--dry-run");
        assertFalse(plain.stderr().contains("debug"), "no debug lines without --debug: " + plain);
    }

    // ------------------------------------------------------------------------------------ helpers

    /** What bash's completion offers for the line, as bash itself computes it from the generated script. */
    private List<String> complete(Path script, String line) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; "
                + "[ \"${2: -1}\" = ' ' ] && COMP_WORDS+=(''); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); "
                + "COMP_LINE=\"$2\"; COMP_POINT=${#2}; _complete_launch; printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", script.toString(), line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out.lines().map(String::strip).toList();
    }

    /** The names under "Integrations and commands:" in the top-level help. */
    private static List<String> commandsIn(String help) {
        List<String> names = new ArrayList<>();
        boolean in = false;
        for (String line : help.lines().toList()) {
            if (line.startsWith("Integrations and commands:")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in && line.startsWith("  ") && !line.startsWith("   ")) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }
}
