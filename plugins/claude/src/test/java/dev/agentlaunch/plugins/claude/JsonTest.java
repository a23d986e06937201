package dev.agentlaunch.plugins.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesWhatSettingsFilesHold() {
        Object v = Json.parse("\uFEFF { \"env\": {\"A\": \"x\\n\\u00e9\\\"\", \"N\": 0, \"B\": true}, \"l\": [1, null, {}], \"m\": -1.5e3 }");

        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(Map.of("A", "x\né\"", "N", "0", "B", true), m.get("env"));
        assertEquals(java.util.Arrays.asList("1", null, Map.of()), m.get("l"));
        assertEquals("-1.5e3", m.get("m"));
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String bad : List.of("", "{", "{\"a\":}", "{'a': 1}", "{\"a\": 1,}", "[1] x", "{\"a\": 01}", "\"\t\"", "nul")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void writtenSettingsReadBackExactly() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("Z", "quote \" backslash \\ newline \n tab \t ctl \u0001 sep \u2028");
        env.put("A", "");

        String text = Json.settings(env, "opus");

        assertEquals("{\"env\":{\"A\":\"\",\"Z\":", text.substring(0, 19), "keys sorted");
        assertEquals(Map.of("env", env, "model", "opus"), Json.parse(text));
    }
}
