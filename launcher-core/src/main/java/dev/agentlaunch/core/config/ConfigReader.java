package dev.agentlaunch.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.agentlaunch.core.LauncherException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the config file strictly: malformed JSON, an unknown key, a duplicate key, a wrong type
 * or an invalid model name is one line naming the file, line and column (exit 2), so a typo in
 * a profile never silently launches with other models.
 */
public final class ConfigReader {
    /**
     * For editing the file ({@code profile save}) only, built on first use: reading it for a launch
     * goes through {@link ConfigBinder}, Jackson's streaming parser, never through an ObjectMapper.
     */
    private static final class Holder {
        static final ObjectMapper MAPPER = strictMapper();
    }

    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        // A number or boolean where a name belongs is a mistake, not a name: no scalar coercion.
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    /** The config at the location; an absent file at the default location is an empty config. */
    public Config read(ConfigLocation location) {
        if (!location.exists()) {
            if (location.explicit()) {
                throw LauncherException.usage("config file " + location.path() + " (from " + location.origin()
                        + ") does not exist; create it with 'launch profile save NAME --large MODEL ...' or fix the path");
            }
            return Config.empty();
        }
        byte[] bytes = bytes(location);
        try {
            return ConfigBinder.bind(bytes, location);
        } catch (JsonProcessingException e) {
            throw error(location, e);
        } catch (IOException e) {
            throw unreadable(location, e);
        }
    }

    /**
     * The file as a JSON tree, for editing it without losing anything, and as bound (so an
     * invalid file is never edited).
     */
    public Parsed parse(ConfigLocation location) {
        byte[] bytes = bytes(location);
        try {
            JsonNode node = mapper().readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw LauncherException.usage(location.path() + ": the file is empty; write a JSON object, e.g. {}");
            }
            if (!node.isObject()) {
                throw LauncherException.usage(location.path() + ":1:1: expected a JSON object at the top; see the config's $schema");
            }
            return new Parsed((ObjectNode) node, ConfigBinder.bind(bytes, location));
        } catch (UnrecognizedPropertyException e) {
            throw error(location, e, keyLocation(bytes, e).orElse(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw error(location, e);
        } catch (IOException e) {
            throw unreadable(location, e);
        }
    }

    /** A config file as a tree and as bound. */
    public record Parsed(ObjectNode tree, Config config) {
    }

    private static byte[] bytes(ConfigLocation location) {
        if (Files.isDirectory(location.path())) {
            throw LauncherException.usage("config file " + location.path() + " is a directory; point --config or "
                    + ConfigLocation.ENV + " at a JSON file");
        }
        try {
            return Files.readAllBytes(location.path());
        } catch (IOException e) {
            throw unreadable(location, e);
        }
    }

    private static LauncherException unreadable(ConfigLocation location, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file (a dangling symlink?)"
                : e.getMessage() != null && e.getMessage().contains("symbolic links") ? "a symlink loop"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
        return new LauncherException(dev.agentlaunch.core.ExitCode.USAGE, "cannot read config file " + location.path()
                + ": " + why + "; fix the file or point --config elsewhere", e);
    }

    /**
     * Where an unknown key itself starts. Jackson reports the position after the key's value
     * (records bind through a token buffer), which may be lines later for a nested object.
     */
    private static java.util.Optional<JsonLocation> keyLocation(byte[] bytes, UnrecognizedPropertyException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() == null) {
                return java.util.Optional.empty();
            }
            pointer.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
        }
        try (JsonParser p = mapper().getFactory().createParser(bytes)) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                        && p.getParsingContext().pathAsPointer().toString().equals(pointer.toString())) {
                    return java.util.Optional.of(p.currentTokenLocation());
                }
            }
        } catch (IOException ignored) {
            // fall back to Jackson's own location
        }
        return java.util.Optional.empty();
    }

    /** One line: {@code FILE:LINE:COLUMN: what is wrong; what to do}. */
    static LauncherException error(ConfigLocation location, JsonProcessingException e) {
        return error(location, e, e.getLocation());
    }

    private static LauncherException error(ConfigLocation location, JsonProcessingException e, JsonLocation at) {
        String where = location.path() + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr());
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
            what = "unknown key \"" + u.getPropertyName() + "\"" + in(parentPath(u)) + " (known: " + String.join(", ", known)
                    + "); fix the spelling or remove it";
        } else if (e instanceof InvalidFormatException f && f.getValue() instanceof String s) {
            what = "\"" + s + "\"" + in(path(f)) + " is " + firstLine(f.getOriginalMessage()).replaceFirst(
                    "^Cannot deserialize value of type `[^`]*` from String \"[^\"]*\": ", "") + "; fix the name";
        } else if (e instanceof MismatchedInputException m && !(m.getPath().isEmpty())) {
            what = "wrong type" + in(path(m)) + ": expected " + expected(m) + "; see the config's $schema";
        } else if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            what = "unexpected text after the JSON object; fix the JSON";
        } else {
            what = firstLine(e.getOriginalMessage()) + "; fix the JSON";
        }
        return new LauncherException(dev.agentlaunch.core.ExitCode.USAGE, where + ": " + what, e);
    }

    private static String expected(MismatchedInputException m) {
        Class<?> t = m.getTargetType();
        if (t == null) {
            return "another type";
        }
        if (t == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(t) || t.isRecord()) {
            return "an object";
        }
        return t.getSimpleName();
    }

    private static String in(String path) {
        return path.isEmpty() ? "" : " at " + path;
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            parts.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return String.join(".", parts);
    }

    private static String parentPath(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < refs.size() - 1; i++) {
            parts.add(refs.get(i).getFieldName());
        }
        return String.join(".", parts);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid JSON";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
