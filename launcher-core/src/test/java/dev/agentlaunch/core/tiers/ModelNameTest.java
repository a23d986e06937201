package dev.agentlaunch.core.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.tiers.OllamaModelName.Source;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The name table: every row is a name, whether Ollama's server takes it as a chat request's model,
 * and why (from the rules in {@link OllamaModelName}).
 */
class ModelNameTest {
    private static final String L80 = "a".repeat(80);
    private static final String L81 = "a".repeat(81);
    private static final String H350 = "h".repeat(350);
    private static final String H351 = "h".repeat(351);

    private static Arguments ok(String name, String why) {
        return Arguments.of(name, true, why);
    }

    private static Arguments no(String name, String why) {
        return Arguments.of(name, false, why);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // plain names
                ok("qwen3", "a model alone: tag latest, namespace library"),
                ok("a", "one character is enough for a model"),
                ok("qwen3:4b", "model and tag"),
                ok("qwen3:32b-q4_K_M", "a tag holds '-' and '_'"),
                ok("llama3.2", "a model may hold '.'"),
                ok("llama3.2:3b-instruct-q8_0", "dots in the model, dashes and underscores in the tag"),
                ok("qwen2.5-coder:7b", "dash and dot in the model"),
                ok("deepseek-r1:1.5b", "a tag may hold '.'"),
                ok("gpt-oss:20b", "the usual form"),
                ok("QWEN3:4B", "upper case is taken (the server matches case-insensitively)"),
                ok("_private", "a part may start with '_'"),
                ok("qwen3:_tag", "a tag may start with '_'"),
                ok("0model:0", "parts may start with a digit"),
                ok("qwen3:latest", "latest spelled out"),
                ok("model.:tag.", "a part may end with '.'"),
                ok("m-:t-", "a part may end with '-'"),
                // namespace/model
                ok("library/qwen3:4b", "two parts are namespace/model"),
                ok("my_team/model", "a namespace may hold '_'"),
                ok("my-team/model:v1.2", "a namespace may hold '-'"),
                no("hf.co/model", "two parts are namespace/model, and a namespace may not hold '.'"),
                no("registry.local:5000/model", "a two-part name cannot name a host with a port: that is a namespace"),
                no("localhost:5000/model", "the same: ':' is not allowed in a namespace"),
                no("-team/model", "a namespace must not start with '-'"),
                ok(L80 + "/m", "a namespace of 80 characters"),
                no(L81 + "/m", "a namespace of 81 characters"),
                // host/namespace/model
                ok("hf.co/unsloth/Qwen3-8B-GGUF:Q4_K_M", "a registry host may hold dots"),
                ok("registry.local:5000/team/model:v1.2", "a host may hold a port"),
                ok("localhost:11434/library/qwen3", "host with port, default tag"),
                ok("_host/ns/m", "a host may start with '_'"),
                ok("https://registry.example.com/ns/m:t", "the server ignores a scheme before the host"),
                ok(H350 + "/ns/m", "a host of 350 characters"),
                no(H351 + "/ns/m", "a host of 351 characters"),
                no(".host/ns/m", "a host must not start with '.'"),
                no("a/b/c/d", "four parts: the host would hold '/'"),
                no("https://a/b/c/d", "a scheme does not make four parts valid"),
                no("/ns/m", "an empty host before the first '/'"),
                no("h//m", "an empty namespace between two '/'"),
                // model part rules
                ok(L80, "a model of 80 characters"),
                no(L81, "a model of 81 characters"),
                no("-qwen", "a model must not start with '-'"),
                no(".qwen", "a model must not start with '.'"),
                no("qwen 3", "no spaces inside a name"),
                no("qwen3;rm -rf", "no shell characters"),
                no("../x", "no climbing directories"),
                no("ns/", "nothing after '/'"),
                no("qwen3@sha256:abc", "a digest is not part of a chat request's model"),
                no("qwën3", "ASCII only"),
                no("a\nb", "no newline inside a name"),
                // tag part rules
                ok("m:" + L80, "a tag of 80 characters"),
                no("m:" + L81, "a tag of 81 characters"),
                no("qwen3:", "':' promises a tag"),
                no(":4b", "':' with no model before it"),
                no("qwen3:4b:extra", "a tag may not hold ':'"),
                no("model:tag with space", "no spaces in a tag"),
                no("qwen3:-4b", "a tag must not start with '-'"),
                // white space around a name
                ok(" qwen3:4b ", "the server trims surrounding spaces"),
                ok("qwen3\n", "a trailing newline is white space the server trims"),
                ok("\tqwen3", "a tab too"),
                no("", "no name at all"),
                no("   ", "only spaces"),
                no("qwen3\u0001", "a control character is not white space"),
                // Ollama Cloud and the source suffixes
                ok("gpt-oss:20b:cloud", "the :cloud suffix is cut off before the lookup"),
                ok("gpt-oss:120b:CLOUD", "the suffix in any case"),
                ok("qwen3-coder:480b:Cloud", "mixed case"),
                ok("gpt-oss:cloud", "a bare :cloud: model gpt-oss on Ollama Cloud"),
                ok("gpt-oss:20b-cloud", "the older -cloud tag"),
                ok("qwen3:4b:local", "the :local suffix"),
                ok("qwen3:LOCAL", ":local in capitals"),
                ok("hf.co/ns/m:t:cloud", "a suffix after a full name"),
                ok("gpt-oss:20b: cloud", "spaces around the suffix are trimmed"),
                no("gpt-oss:20b:cloud:local", "two source suffixes"),
                no("gpt-oss:20b:local:cloud", "two source suffixes, the other way round"),
                no("gpt-oss:20b-cloud:cloud", "a -cloud tag and :cloud are two suffixes"),
                no(":cloud", "a suffix with no model"),
                no("cloud:", "an empty tag"),
                ok("cloud", "a model called cloud is just a model"),
                no("gpt oss:cloud", "the suffix does not excuse the rest"),
                no("qwen3:4b:clouds", "only cloud and local are suffixes: clouds is a second tag"));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("table")
    void acceptsExactlyWhatOllamasServerAccepts(String name, boolean accepted, String why) {
        OllamaModelName.Parsed parsed = OllamaModelName.parse(name);
        assertEquals(accepted, parsed.valid(), why + (parsed.valid() ? "" : " (problem: " + parsed.problem() + ")"));
        assertEquals(accepted, ModelName.isValid(name), why);
    }

    @Test
    void theTableHasAtLeastSixtyRows() {
        assertTrue(table().count() >= 60);
    }

    @Test
    void theSourceSuffixIsCutOffBeforeTheLookup() {
        assertEquals(new OllamaModelName("gpt-oss:20b:cloud", "gpt-oss:20b", Source.CLOUD), name("gpt-oss:20b:cloud"));
        assertEquals(new OllamaModelName("gpt-oss:20b-cloud", "gpt-oss:20b", Source.CLOUD), name("gpt-oss:20b-cloud"));
        assertEquals(new OllamaModelName("gpt-oss:CLOUD", "gpt-oss", Source.CLOUD), name("gpt-oss:CLOUD"));
        assertEquals(new OllamaModelName("qwen3:4b:local", "qwen3:4b", Source.LOCAL), name("qwen3:4b:local"));
        assertEquals(new OllamaModelName(" qwen3:4b ", "qwen3:4b", Source.UNSPECIFIED), name(" qwen3:4b "));
        assertTrue(ModelName.isCloud("gpt-oss:20b:cloud"));
        assertFalse(ModelName.isCloud("qwen3:4b"));
        assertFalse(ModelName.isCloud("cloud"));
    }

    @Test
    void aRefusedNameIsOneUsageLineSayingWhichPartIsWrong() {
        LauncherException e = assertThrows(LauncherException.class, () -> ModelName.require("hf.co/model", "--large"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("invalid model name 'hf.co/model' for --large: its namespace 'hf.co' holds '.'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("a two-part name is namespace/model"), e.getMessage());
        LauncherException both = assertThrows(LauncherException.class, () -> ModelName.require("m:cloud:local", "--small"));
        assertTrue(both.getMessage().contains("use either :local or :cloud, not both"), both.getMessage());
        LauncherException nl = assertThrows(LauncherException.class, () -> ModelName.require("a\nb", "--model"));
        assertFalse(nl.getMessage().contains("\n"), nl.getMessage());
    }

    private static OllamaModelName name(String raw) {
        return OllamaModelName.parse(raw).name().orElseThrow();
    }
}
