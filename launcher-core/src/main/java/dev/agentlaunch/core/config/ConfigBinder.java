package dev.agentlaunch.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.tiers.ModelName;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the config file to {@link Config} with Jackson's streaming parser, strictly: an unknown
 * key, a wrong type or an invalid model name is one line with the file, line and column of the
 * offending token. Why not {@code ObjectMapper}: building one and its record deserializers costs
 * about 150 ms in a cold JVM (measured on a 2-core machine), on every launch of anyone who has a
 * config file; the parser alone costs a few.
 */
final class ConfigBinder {
    /** Duplicate keys are mistakes: the parser reports them with their position. */
    static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static final List<String> TOP = List.of("$schema", "defaults", "host", "integrations", "profiles");
    static final List<String> PROFILE = List.of("host", "integrations", "large", "medium", "model", "small");
    static final List<String> TIER_SET = List.of("large", "medium", "model", "small");
    static final List<String> INTEGRATION = List.of("profile");

    private final JsonParser p;
    private final ConfigLocation location;

    private ConfigBinder(JsonParser p, ConfigLocation location) {
        this.p = p;
        this.location = location;
    }

    /**
     * @throws IOException (a {@link com.fasterxml.jackson.core.JsonProcessingException}) for text that is not JSON
     */
    static Config bind(byte[] bytes, ConfigLocation location) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return new ConfigBinder(p, location).config();
        }
    }

    private Config config() throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw LauncherException.usage(location.path() + ": the file is empty; write a JSON object, e.g. {}");
        }
        if (first != JsonToken.START_OBJECT) {
            throw error("expected a JSON object at the top; see the config's $schema");
        }
        String schema = null;
        String host = null;
        TierSet defaults = null;
        Map<String, Profile> profiles = null;
        Map<String, IntegrationDefaults> integrations = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = known(TOP, "");
            switch (key) {
                case "$schema" -> schema = string(key);
                case "host" -> host = string(key);
                case "defaults" -> defaults = tierSet(key);
                case "profiles" -> profiles = profiles(key);
                case "integrations" -> integrations = integrations(key);
                default -> throw new IllegalStateException(key);
            }
        }
        if (p.nextToken() != null) {
            throw error("unexpected text after the JSON object; fix the JSON");
        }
        return new Config(schema, host, defaults, profiles, integrations);
    }

    private Map<String, Profile> profiles(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Profile profile = profile(path + "." + name);
            if (profile != null) {
                profiles.put(name, profile);
            }
        }
        return profiles;
    }

    private Profile profile(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        String large = null;
        String medium = null;
        String small = null;
        String model = null;
        String host = null;
        Map<String, TierSet> integrations = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = known(PROFILE, path);
            String at = path + "." + key;
            switch (key) {
                case "large" -> large = modelName(at);
                case "medium" -> medium = modelName(at);
                case "small" -> small = modelName(at);
                case "model" -> model = modelName(at);
                case "host" -> host = string(at);
                case "integrations" -> integrations = overrides(at);
                default -> throw new IllegalStateException(key);
            }
        }
        return new Profile(large, medium, small, model, host, integrations);
    }

    private Map<String, TierSet> overrides(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        Map<String, TierSet> overrides = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String id = p.currentName();
            p.nextToken();
            TierSet set = tierSet(path + "." + id);
            if (set != null) {
                overrides.put(id, set);
            }
        }
        return overrides;
    }

    private Map<String, IntegrationDefaults> integrations(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        Map<String, IntegrationDefaults> integrations = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String id = p.currentName();
            p.nextToken();
            String at = path + "." + id;
            if (object(at)) {
                continue;
            }
            String profile = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                profile = string(at + "." + known(INTEGRATION, at));
            }
            integrations.put(id, new IntegrationDefaults(profile));
        }
        return integrations;
    }

    private TierSet tierSet(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        String large = null;
        String medium = null;
        String small = null;
        String model = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = known(TIER_SET, path);
            String at = path + "." + key;
            switch (key) {
                case "large" -> large = modelName(at);
                case "medium" -> medium = modelName(at);
                case "small" -> small = modelName(at);
                case "model" -> model = modelName(at);
                default -> throw new IllegalStateException(key);
            }
        }
        return new TierSet(large, medium, small, model);
    }

    /** At an object's start: true for JSON null (nothing there), an error for anything but an object. */
    private boolean object(String path) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return true;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error("wrong type at " + path + ": expected an object; see the config's $schema");
        }
        return false;
    }

    private String string(String path) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error("wrong type at " + path + ": expected a string; see the config's $schema");
        }
        return p.getText();
    }

    private String modelName(String path) throws IOException {
        String name = string(path);
        if (name != null && !ModelName.isValid(name)) {
            throw error("\"" + name + "\" at " + path + " is not a model name: expected [host/][namespace/]model[:tag], "
                    + "e.g. qwen3:4b; fix the name");
        }
        return name;
    }

    /**
     * At a key: the key, the parser moved on to its value; an error at the key itself when it is
     * not one of {@code keys} of the object at {@code parent}.
     */
    private String known(List<String> keys, String parent) throws IOException {
        String key = p.currentName();
        if (!keys.contains(key)) {
            throw error("unknown key \"" + key + "\"" + (parent.isEmpty() ? "" : " at " + parent) + " (known: "
                    + String.join(", ", keys) + "); fix the spelling or remove it");
        }
        p.nextToken();
        return key;
    }

    private LauncherException error(String what) {
        JsonLocation at = p.currentTokenLocation();
        return new LauncherException(ExitCode.USAGE, location.path() + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + what);
    }
}
