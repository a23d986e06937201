package dev.agentlaunch.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.Main;
import dev.agentlaunch.core.output.Terminal;
import dev.agentlaunch.core.sim.OllamaSimulator;
import dev.agentlaunch.core.sim.SimModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer meets in the first hour, in process: the version on every command, help that
 * reads well at 80 columns, parse errors in plain words, doctor's advice and counts, and options
 * that never do nothing silently.
 */
class NewcomerCommandLineTest {
    @TempDir
    Path home;

    private Path plugins;
    private Path jar;
    private StringWriter out;
    private StringWriter err;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        // A deep plugins dir: the jar's path in the help is longer than a line.
        plugins = Files.createDirectories(home.resolve("a-rather-long-directory-name/for-the-plugins-of-this-test/and-deeper"));
        jar = TestPlugin.jar(plugins, "fake-plugin", FakeIntegration.class);
        env.put("HOME", home.toString());
        env.put("PATH", home.resolve("bin").toString());
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--plugins-dir", plugins.toString()));
        all.addAll(List.of(args));
        return new Main(env, new PrintWriter(out, true), new PrintWriter(err, true), null, Optional.empty(), Terminal.none())
                .run(all.toArray(String[]::new));
    }

    // ---- 1. --version wherever help offers it

    @Test
    void everyCommandThatListsVersionPrintsIt() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"fake", "--version"}, new String[] {"doctor", "-V"},
                new String[] {"list-integrations", "--version"}, new String[] {"env", "--version"},
                new String[] {"profile", "list", "-V"}, new String[] {"completion", "-V"}, new String[] {"version"})) {
            assertEquals(0, run(args), List.of(args) + ": " + err);
            assertTrue(out.toString().startsWith("agent-launch "), List.of(args) + " printed: '" + out + "'");
        }
    }

    // ---- 2. help at 80 columns, and wider when the terminal is

    private static final List<List<String>> HELP = List.of(List.of("--help"), List.of("fake", "--help"), List.of("doctor", "--help"),
            List.of("list-integrations", "--help"), List.of("env", "--help"), List.of("profile", "--help"),
            List.of("profile", "save", "--help"), List.of("completion", "--help"), List.of("help", "fake"));

    @Test
    void helpAtEightyColumnsBreaksNoWordAndFillsItsLines() {
        env.put("COLUMNS", "80");
        for (List<String> args : HELP) {
            assertEquals(0, run(args.toArray(String[]::new)), args + ": " + err);
            String help = out.toString();
            assertWellWrapped(help, 80, args);
            if (args.contains("fake")) {
                assertTrue(help.contains("http://127.0.0.1:11434"), "the URL whole: " + help);
                assertTrue(help.contains(jar.toString()), "the jar's path whole: " + help);
            }
        }
        run("list-integrations", "--help");
        assertTrue(out.toString().contains("installed (and where), the plugin"), "one sentence, one paragraph: " + out);
    }

    @Test
    void helpUsesAWiderTerminal() {
        env.put("COLUMNS", "132");
        assertEquals(0, run("fake", "--help"), err::toString);
        assertTrue(out.toString().lines().anyMatch(l -> l.length() > 80), out::toString);
        assertWellWrapped(out.toString(), 132, List.of("fake", "--help"));
    }

    /**
     * No line is longer than {@code width} unless it is one word; prose lines (at column 0, or an
     * option's description continued) are filled: the next line's first word would not have fit.
     */
    private static void assertWellWrapped(String help, int width, List<String> args) {
        List<String> lines = help.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.length() <= width || !line.strip().contains(" "), args + ": line " + (i + 1)
                    + " is " + line.length() + " columns: " + line);
            if (i + 1 < lines.size()) {
                String next = lines.get(i + 1);
                int indent = indent(line);
                boolean prose = (indent == 0 || indent >= 20) && indent(next) == indent && !line.isBlank() && !next.isBlank()
                        && !line.matches(".*[.:)?]$") && !line.startsWith("Usage:");
                String firstWord = next.strip().split(" ")[0];
                assertFalse(prose && line.length() + 1 + firstWord.length() <= width,
                        args + ": line " + (i + 1) + " ends early ('" + line + "' then '" + next + "')");
            }
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    // ---- 3. parse errors in plain words

    @Test
    void aStrayWordAfterAnIntegrationIsNamedInPlainWords() {
        assertEquals(2, run("fake", "m"));
        String e = err.toString();
        assertTrue(e.startsWith("launch: error: unexpected argument 'm'"), e);
        assertTrue(e.contains("--model") && e.contains("after --"), e);
        assertFalse(e.contains("Unmatched") || e.contains("index"), e);
    }

    @Test
    void aMistypedOptionGetsTheCloseOneAndNothingElse() {
        assertEquals(2, run("fake", "--lage", "m"));
        assertTrue(err.toString().startsWith("launch: error: unknown option '--lage' for 'launch fake': did you mean '--large'?"), err::toString);
        assertFalse(err.toString().contains("'m'"), "the option's value is not an unknown option: " + err);

        assertEquals(2, run("fake", "--zebra"));
        assertTrue(err.toString().contains("unknown option '--zebra'") && !err.toString().contains("did you mean"), err::toString);

        assertEquals(2, run("doctor", "--ofline"));
        assertTrue(err.toString().contains("did you mean '--offline'?"), err::toString);
    }

    @Test
    void aMistypedIntegrationGetsASuggestionOnlyWhenClose() {
        assertEquals(2, run("fkae", "--model", "q:1"));
        assertTrue(err.toString().contains("did you mean 'fake'?"), err::toString);
        assertEquals(2, run("kilo"));
        assertTrue(err.toString().contains("unknown integration 'kilo'") && !err.toString().contains("did you mean"),
                err::toString);
    }

    @Test
    void helpAndVersionAreCommands() {
        assertEquals(0, run("help"), err::toString);
        assertTrue(out.toString().startsWith("Usage: launch "), out::toString);
        assertEquals(0, run("help", "fake"), err::toString);
        assertTrue(out.toString().startsWith("Usage: launch fake "), out::toString);
        assertEquals(0, run("version"), err::toString);
        assertTrue(out.toString().startsWith("agent-launch "), out::toString);
        assertEquals("", err.toString());
    }

    @Test
    void helpForAnUnknownCommandSaysSoInOneCleanSentence() {
        assertEquals(2, run("help", "xyz"));
        String e = err.toString().strip();
        assertTrue(e.startsWith("launch: error: unknown command 'xyz'"), e);
        assertFalse(e.contains(".;") || e.contains("subcommand"), e);
    }

    @Test
    void otherParseErrorsSpeakPlainly() {
        assertEquals(2, run("fake", "--large"));
        assertTrue(err.toString().contains("--large needs a value (MODEL)"), err::toString);
        assertEquals(2, run("fake", "--model", "a:1", "--model", "b:1", "--dry-run"));
        assertTrue(err.toString().contains("--model was given more than once"), err::toString);
        assertEquals(2, run("completion", "tcsh"));
        assertTrue(err.toString().contains("invalid SHELL: expected one of [bash, zsh, fish] but was 'tcsh'"), err::toString);
    }

    // ---- 4. doctor: its advice works where it is given, its counts match what it prints

    @Test
    void doctorsAdviceNamesOnlyOptionsDoctorAccepts() {
        env.put("OLLAMA_HOST", "127.0.0.1:9");
        assertEquals(3, run("doctor", "fake", "--model", "q:1"));
        Matcher options = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+").matcher(out.toString());
        int advised = 0;
        while (options.find()) {
            String option = options.group();
            assertTrue(List.of("--host", "--pull", "--model", "--large", "--medium", "--small", "--offline", "--memory", "--json",
                    "--profile", "--config").contains(option), "doctor advises " + option + ": " + out);
            advised++;
        }
        assertTrue(advised > 0, out::toString);
        // The advice it gives: --offline, which doctor accepts (the tool and variables only).
        assertEquals(3, run("doctor", "fake", "--model", "q:1", "--offline"));
        assertTrue(out.toString().startsWith("server       http://127.0.0.1:9 (OLLAMA_HOST), not asked (--offline)\n"), out::toString);
        assertTrue(out.toString().contains("result       1 problem\n  - Fake Agent is not installed"), out::toString);
    }

    @Test
    void doctorsCountsMatchWhatItPrints() {
        try (OllamaSimulator sim = OllamaSimulator.start()
                .addModel(SimModel.named("plain:1").sizeBytes(1_000_000_000L).contextLength(40960).capabilities("completion"))) {
            assertEquals(3, run("doctor", "--host", sim.url(), "--large", "plain:1", "--small", "gone:1"));
            String text = out.toString();
            assertTrue(text.contains("2 problems, listed under result"), text);
            assertTrue(text.contains("result       2 problems\n"), text);
            assertEquals(2, text.lines().filter(l -> l.startsWith("  - ")).count(), text);
            assertFalse(text.contains("see the warnings"), text);
            assertEquals("", err.toString(), "doctor prints no warnings of its own on stderr");
        }
    }

    // ---- 5. a name that does not resolve

    @Test
    void aHostThatDoesNotResolveIsSaidSoWithAdviceThatFits() {
        assertEquals(0, run("fake", "--host", "no-such-host.invalid", "--model", "q:1", "--dry-run"));
        String e = err.toString();
        assertTrue(e.contains("cannot resolve host 'no-such-host.invalid'"), e);
        assertTrue(e.contains("check the host name") && e.contains("--host") && e.contains("OLLAMA_HOST"), e);
        assertFalse(e.contains("ollama serve") || e.contains("Exception"), e);
    }

    // ---- 6. --json without --dry-run

    @Test
    void jsonWithoutDryRunIsAUsageError() {
        assertEquals(2, run("fake", "--model", "q:1", "--offline", "--json"));
        assertTrue(err.toString().contains("--json prints the plan of a dry run: add --dry-run"), err::toString);
        assertEquals("", out.toString());
    }
}
