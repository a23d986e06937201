package dev.agentlaunch.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published schema (docs/config.schema.json) names exactly the keys the reader accepts. */
class SchemaTest {
    private static final Path SCHEMA = Path.of("..", "docs", "config.schema.json");

    @Test
    void schemaMatchesTheConfigTheLauncherReads() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());

        assertEquals(ProfileStore.SCHEMA_URL, schema.get("$id").asText(), "new files point at this schema");
        assertEquals(keys(Config.class), props(schema));
        assertEquals(keys(TierSet.class), props(schema.at("/$defs/tierSet")));
        assertEquals(keys(Profile.class), props(schema.at("/$defs/profile")));
        assertEquals(keys(IntegrationDefaults.class), props(schema.at("/properties/integrations/additionalProperties")));
        assertEquals(keys(ServerEntry.class), props(schema.at("/$defs/server")));

        // The keys the reader accepts are the schema's, at every level.
        assertEquals(new TreeSet<>(ConfigBinder.TOP), props(schema));
        assertEquals(new TreeSet<>(ConfigBinder.TIER_SET), props(schema.at("/$defs/tierSet")));
        assertEquals(new TreeSet<>(ConfigBinder.PROFILE), props(schema.at("/$defs/profile")));
        assertEquals(new TreeSet<>(ConfigBinder.INTEGRATION), props(schema.at("/properties/integrations/additionalProperties")));
        assertEquals(new TreeSet<>(ConfigBinder.SERVER), props(schema.at("/$defs/server")));
    }

    private static Set<String> keys(Class<?> record) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            names.add(c.getName().equals("schema") ? "$schema" : c.getName());
        }
        return names;
    }

    private static Set<String> props(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        assertEquals(false, node.get("additionalProperties").asBoolean(true), "strict like the reader");
        return names;
    }
}
