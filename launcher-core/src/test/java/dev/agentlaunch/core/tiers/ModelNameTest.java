package dev.agentlaunch.core.tiers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "qwen3:4b", "qwen3:32b-q4_K_M", "gpt-oss:20b", "library/qwen3:4b",
            "hf.co/unsloth/Qwen3-8B-GGUF:Q4_K_M", "registry.local:5000/team/model:v1.2", "llama3.2", "a"})
    void acceptsOllamaNames(String name) {
        assertTrue(ModelName.isValid(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "qwen 3", "qwen3:", ":4b", "-qwen", "a/b/c/d", "qwen3:4b:extra", "qwen3\n",
            "qwen3;rm -rf", "../x", "model:tag with space"})
    void rejectsEverythingElse(String name) {
        assertFalse(ModelName.isValid(name), name);
    }
}
