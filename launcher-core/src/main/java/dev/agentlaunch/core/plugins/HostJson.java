package dev.agentlaunch.core.plugins;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.agentlaunch.api.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's {@link Json} for plugins (found through {@code META-INF/services}): Jackson's
 * streaming parser and generator into plain maps and lists. Not databind: its tree model loads
 * some 400 more classes, about 200 ms in a cold JVM (measured on a 2-core machine).
 */
public final class HostJson implements Json {
    private static final JsonFactory STRICT = new JsonFactory();
    private static final JsonFactory JSONC = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    @Override
    public Object parse(String text) {
        return parse(STRICT, text);
    }

    @Override
    public Object parseJsonc(String text) {
        return parse(JSONC, text);
    }

    private static Object parse(JsonFactory factory, String text) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("no JSON value (empty text)");
            }
            Object value = value(p, first);
            if (p.nextToken() != null) {
                throw new JsonSyntaxException("more text after the JSON value" + where(p.currentLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new JsonSyntaxException(firstLine(e.getOriginalMessage()) + where(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);      // a String cannot fail to read
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
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    @Override
    public String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = STRICT.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);      // a StringWriter cannot fail to write
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object v : list) {
                write(g, v);
            }
            g.writeEndArray();
        } else if (value instanceof Object[] array) {
            write(g, java.util.Arrays.asList(array));
        } else if (value instanceof Number || value instanceof Boolean) {
            g.writeObject(value);
        } else if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value.toString());
        }
    }

    private static String where(com.fasterxml.jackson.core.JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl).strip();
        // Jackson appends where an unclosed object started, with a "[Source: ...]" internals note.
        return m.replaceAll("\\s*\\(start marker at \\[Source:.*$", "");
    }
}
