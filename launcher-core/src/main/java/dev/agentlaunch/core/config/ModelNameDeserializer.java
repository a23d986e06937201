package dev.agentlaunch.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.agentlaunch.core.tiers.ModelName;
import java.io.IOException;

/** A model name in the config: a JSON string in Ollama's name grammar, rejected with its line and column. */
final class ModelNameDeserializer extends StdDeserializer<String> {
    private static final long serialVersionUID = 1L;

    ModelNameDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String name = p.getText();
        if (!ModelName.isValid(name)) {
            throw ctxt.weirdStringException(name, String.class,
                    "not a model name: expected [host/][namespace/]model[:tag], e.g. qwen3:4b");
        }
        return name;
    }
}
