package dev.agentlaunch.core.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's small JSON documents, read with Jackson's streaming parser into plain maps and
 * lists. Why not {@code ObjectMapper}: building one and its first tree costs about 300 ms of class
 * loading in a cold JVM (measured on a 2-core machine), and the checks run before every launch;
 * jackson-core alone costs a fifth of that.
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** Thrown for text that is not JSON (an HTML page, a truncated body). */
    static final class NotJson extends Exception {
        private static final long serialVersionUID = 1L;

        NotJson(Throwable cause) {
            super(cause);
        }
    }

    /** An object, array, string, number ({@code Long} or {@code Double}), boolean or null. */
    static Object parse(String text) throws NotJson {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new NotJson(new IOException("empty body"));
            }
            Object value = value(p, first);
            if (p.nextToken() != null) {
                throw new NotJson(new IOException("trailing data"));
            }
            return value;
        } catch (IOException e) {
            throw new NotJson(e);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (e == null) {
                        throw new IOException("unclosed array");
                    }
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }

    /** A one-level object of strings and booleans, for request bodies: {@code {"model":"qwen3:4b"}}. */
    static String object(Object... keysAndValues) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                g.writeFieldName((String) keysAndValues[i]);
                Object v = keysAndValues[i + 1];
                if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeString(String.valueOf(v));
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    // ---------------------------------------------------------------- navigation, forgiving like JsonNode.path()

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o, String field) {
        Object v = o instanceof Map<?, ?> m ? m.get(field) : null;
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    }

    static List<?> list(Object o, String field) {
        Object v = o instanceof Map<?, ?> m ? m.get(field) : null;
        return v instanceof List<?> l ? l : List.of();
    }

    static String text(Object o, String field) {
        Object v = o instanceof Map<?, ?> m ? m.get(field) : null;
        return v instanceof String s ? s : null;
    }

    static long number(Object o, String field) {
        Object v = o instanceof Map<?, ?> m ? m.get(field) : null;
        return v instanceof Number n ? n.longValue() : 0;
    }
}
