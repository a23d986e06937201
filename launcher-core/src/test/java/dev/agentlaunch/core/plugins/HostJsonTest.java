package dev.agentlaunch.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.api.Json;
import dev.agentlaunch.api.LaunchRefusedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the launcher gives plugins (launcher-api's Json, found through the service file). */
class HostJsonTest {
    private final Json json = Json.host();

    @Test
    void pluginsFindTheLaunchersImplementation() {
        assertInstanceOf(HostJson.class, json);
    }

    @Test
    void readsIntoMutableMapsAndListsInDocumentOrderAndWritesThemBack() {
        String text = "{\"z\":1,\"a\":[true,null,\"x\\\"y\",2.5],\"m\":{\"k\":\"v\"}}";
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) json.parse(text);
        assertEquals(List.of("z", "a", "m"), List.copyOf(root.keySet()));
        root.put("added", List.of(1, 2));
        ((List<Object>) root.get("a")).add("more");
        assertEquals("{\"z\":1,\"a\":[true,null,\"x\\\"y\",2.5,\"more\"],\"m\":{\"k\":\"v\"},\"added\":[1,2]}", json.write(root));
    }

    @Test
    void writesStringsEscapedAndArraysAsLists() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", "C:\\x\n");
        m.put("arr", new Object[] {"a", null});
        assertEquals("{\"path\":\"C:\\\\x\\n\",\"arr\":[\"a\",null]}", json.write(m));
    }

    @Test
    void jsoncAllowsCommentsAndTrailingCommasStrictJsonDoesNot() {
        String jsonc = "{\n  // a comment\n  \"a\": 1,\n}";
        assertEquals(Map.of("a", 1), json.parseJsonc(jsonc));
        assertThrows(Json.JsonSyntaxException.class, () -> json.parse(jsonc));
    }

    @Test
    void notJsonIsOneLineWithWhere() {
        Json.JsonSyntaxException e = assertThrows(Json.JsonSyntaxException.class, () -> json.parse("{\"model\": ollama/qwen3"));
        assertTrue(e.getMessage().contains("at line 1, column"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertThrows(Json.JsonSyntaxException.class, () -> json.parse(""));
        assertThrows(Json.JsonSyntaxException.class, () -> json.parse("{} {}"));
    }

    @Test
    void aUsersInlineConfigReadsAsAJsoncObjectOrIsRefusedInOneLineNamingItsVariable() {
        Map<String, Object> root = json.parseInlineConfig("TOOL_CONFIG", "{\"share\":\"disabled\", // mine\n}");
        assertEquals(Map.of("share", "disabled"), root);
        root.put("model", "x");
        assertTrue(json.parseInlineConfig("TOOL_CONFIG", null).isEmpty());
        assertTrue(json.parseInlineConfig("TOOL_CONFIG", "  ").isEmpty());
        LaunchRefusedException bad = assertThrows(LaunchRefusedException.class, () -> json.parseInlineConfig("TOOL_CONFIG", "{\"a\":"));
        assertTrue(bad.getMessage().startsWith("your TOOL_CONFIG is not valid JSON (") && bad.getMessage().endsWith(
                "); fix it or unset it for this launch"), bad.getMessage());
        assertEquals(1, bad.getMessage().lines().count());
        assertEquals("your TOOL_CONFIG is not a JSON object; fix it or unset it for this launch",
                assertThrows(LaunchRefusedException.class, () -> json.parseInlineConfig("TOOL_CONFIG", "[1]")).getMessage());
    }
}
