package dev.agentlaunch.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.SimModel;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README as a newcomer reads it, checked against the assembled tool: its documented commands
 * run, its exit-code table is the tool's, its advice matches what the launcher asks for; and the
 * small things a first hour trips over (the tarball's install, an empty env section, the
 * completion script's instructions).
 */
class NewcomerIT {
    private static final Path README = Path.of("../README.md");

    @TempDir
    Path home;
    @TempDir
    Path outside;

    private static String readme() throws Exception {
        return Files.readString(README, StandardCharsets.UTF_8);
    }

    /** The {@code launch ...} lines of the README's code blocks. */
    private static List<String> documentedCommands() throws Exception {
        List<String> commands = new ArrayList<>();
        boolean inCode = false;
        for (String line : readme().lines().toList()) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
            } else if (inCode && line.strip().startsWith("launch ") && !line.contains("[") && !line.contains("|")) {   // not a synopsis
                commands.add(line.strip().replaceAll("\\s+#.*$", ""));
            }
        }
        return commands;
    }

    @Test
    void theReadmesLaunchCommandsRunAsDryRuns() throws Exception {
        List<String> commands = documentedCommands();
        assertFalse(commands.isEmpty(), "the README documents launch commands");
        int ran = 0;
        for (String command : commands) {
            String[] words = command.split("\\s+");
            String second = words.length > 1 ? words[1] : "";
            String shell;
            if (List.of("claude", "codex", "opencode").contains(second)) {
                // A launch, made a dry run that needs neither the tool nor a server.
                shell = "\"$L\" " + second + " --dry-run --offline" + command.substring(("launch " + second).length());
            } else if (second.equals("list-integrations") || second.equals("version") || second.equals("help")) {
                shell = "\"$L\"" + command.substring("launch".length());
            } else {
                continue;       // doctor, env, profile, completion: they need a server, a shell or a config to show anything
            }
            ProcessBuilder pb = new Launcher(home).processBuilder(List.of("sh", "-c", shell));
            pb.environment().put("L", Launcher.script().toString());
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "README: '" + command + "' as '" + shell + "':\n" + output);
            ran++;
        }
        assertTrue(ran >= 6, "the README's launches and listings ran: " + ran + " of " + commands);
    }

    /** The README's exit-code table, code by code. */
    private static Set<Integer> readmeExitCodes() throws Exception {
        String text = readme();
        String table = text.substring(text.indexOf("## Exit codes"));
        Set<Integer> codes = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table.substring(0, table.indexOf("\n## ") > 0
                ? table.indexOf("\n## ") : table.length()));
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }

    @Test
    void theReadmesExitCodesAreTheToolsOwn() throws Exception {
        Set<Integer> documented = readmeExitCodes();
        assertEquals(Set.of(0, 1, 2, 3, 4, 130), documented, "the README's table");

        Launcher.Result help = new Launcher(home).run("--help");
        Set<Integer> inHelp = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  (\\d+)  ").matcher(help.stdout());
        while (m.find()) {
            inHelp.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(documented, inHelp, "launch --help documents the same codes:\n" + help.stdout());

        // Each code the README documents for something a newcomer can do, done.
        assertEquals(0, new Launcher(home).run("list-integrations").exitCode());
        assertEquals(2, new Launcher(home).run("cluade", "--model", "qwen3:8b").exitCode(), "unknown integration");
        assertEquals(2, new Launcher(home).run("claude", "--large", "qwen 3").exitCode(), "invalid model name");
        assertEquals(3, new Launcher(home).run("claude", "--model", "qwen3:8b", "--offline").exitCode(), "tool not installed");
        Path plugins = Files.createDirectories(outside.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        Launcher.Result broken = new Launcher(home).run("--plugins-dir", plugins.toString(), "broken", "--model", "qwen3:8b");
        assertEquals(4, broken.exitCode(), "a broken plugin launched: " + broken);
    }

    @Test
    void theContextLengthTheReadmeRecommendsIsTheOneTheLauncherAsksFor() throws Exception {
        try (OllamaSimulator sim = OllamaSimulator.start()
                .addModel(SimModel.named("small-ctx:1").contextLength(8192).capabilities("completion", "tools"))) {
            Launcher.Result r = new Launcher(home).run("claude", "--model", "small-ctx:1", "--host", sim.url(), "--dry-run");
            assertEquals(0, r.exitCode(), r::toString);
            Matcher asked = Pattern.compile("needs at least (\\d+)").matcher(r.stderr());
            assertTrue(asked.find(), "the launcher warns about the context: " + r);
            Matcher recommended = Pattern.compile("OLLAMA_CONTEXT_LENGTH=(\\d+)").matcher(readme());
            int found = 0;
            while (recommended.find()) {
                assertEquals(asked.group(1), recommended.group(1), "the README recommends what the launcher asks for");
                found++;
            }
            assertTrue(found > 0, "the README says how to serve the context");
        }
    }

    @Test
    void theTarballHoldsWhatTheReadmeShowsAndInstallsLikeAProduct() throws Exception {
        Path dist = Launcher.dist();
        Path tarball = dist.resolveSibling(dist.getFileName() + ".tar.gz");
        Path unpacked = Files.createDirectories(outside.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", unpacked.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        Path root = unpacked.resolve(dist.getFileName());
        for (String entry : List.of("install.sh", "LICENSE", "README.md", "bin/launch", "lib", "plugins", "man/man1", "schema")) {
            assertTrue(Files.exists(root.resolve(entry)), entry + " in the tarball");
            assertTrue(readme().contains("  " + entry.replaceFirst("/.*", "/")) || readme().contains("  " + entry),
                    "the README's install tree shows " + entry);
        }
        assertTrue(Files.readString(root.resolve("LICENSE")).contains("Apache License"), "Apache-2.0");
        assertTrue(readme().contains("## Quick start with Ollama"), "a quick start");

        Path bin = outside.resolve("bin");
        Map<String, String> homeBefore = FileTree.snapshot(home);
        // Without a terminal and without --yes it asks nothing and changes nothing.
        Launcher.Result refused = run(root.resolve("install.sh"), "--bin-dir", bin.toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("--yes"), refused::toString);
        assertFalse(Files.exists(bin.resolve("launch")));

        Launcher.Result installed = run(root.resolve("install.sh"), "--yes", "--bin-dir", bin.toString());
        assertEquals(0, installed.exitCode(), installed::toString);
        assertEquals(root.resolve("bin/launch"), Files.readSymbolicLink(bin.resolve("launch")));
        assertTrue(installed.stdout().contains("export PATH=\"" + bin + ":$PATH\""), "says the line to add: " + installed);
        assertEquals(homeBefore, FileTree.snapshot(home), "no shell start-up file (or anything else under HOME) edited");
        try (Stream<Path> archives = Files.walk(root.resolve("lib/cds"))) {
            assertTrue(archives.anyMatch(p -> p.toString().endsWith(".jsa")), "the start-up archive is ready");
        }
        Launcher.Result linked = new Launcher(home).run(60, "version");
        assertEquals(0, linked.exitCode());
        Files.walk(root).filter(Files::isSymbolicLink).forEach(p -> p.toFile().delete());
        Files.deleteIfExists(bin.resolve("launch"));
    }

    private Launcher.Result run(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new Launcher(home).processBuilder(command);
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = outside.resolve("out.txt");
        Path err = outside.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Launcher.Result(code, Files.readString(out), Files.readString(err));
    }

    @Test
    void aToolConfiguredByArgumentsAloneSaysItsEnvIsEmpty() throws Exception {
        Launcher.Result r = new Launcher(home).run("codex", "--model", "qwen3:8b", "--dry-run", "--offline");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("\nenv          none: the launch sets no variable\n"), r.stdout());
        assertFalse(r.stdout().endsWith("env\n"), "no empty env section: " + r.stdout());
    }

    @Test
    void theCompletionScriptGivesThisToolsOwnInstructions() throws Exception {
        for (String shell : List.of("bash", "zsh")) {
            Launcher.Result r = new Launcher(home).run("completion", shell);
            assertEquals(0, r.exitCode(), r::toString);
            List<String> head = r.stdout().lines().limit(3).toList();
            assertEquals("#!/usr/bin/env bash", head.get(0));
            assertTrue(head.get(2).contains("source <(launch completion " + shell + ")"), head.toString());
            assertFalse(r.stdout().contains("YOUR_APP_HOME") || r.stdout().contains(".bash_profile"), "no generic instructions");
            assertTrue(r.stdout().contains("complete "), "still the completion script");
        }
    }
}
