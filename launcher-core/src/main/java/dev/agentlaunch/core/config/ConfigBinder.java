package dev.agentlaunch.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.server.ServerAddress;
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

    static final List<String> TOP = List.of("$schema", "defaults", "host", "integrations", "profiles", "servers");
    static final List<String> PROFILE = List.of("host", "integrations", "large", "medium", "model", "server", "small",
            "tierServers");
    static final List<String> TIERS = List.of("large", "medium", "small");
    static final List<String> SERVER = List.of("apiKeyEnv", "kind", "url");
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
        Map<String, ServerEntry> servers = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = known(TOP, "");
            switch (key) {
                case "$schema" -> schema = string(key);
                case "host" -> host = string(key);
                case "defaults" -> defaults = tierSet(key);
                case "profiles" -> profiles = map(key, this::profile);
                case "integrations" -> integrations = map(key, this::integrationDefaults);
                case "servers" -> servers = map(key, this::server);
                default -> throw new IllegalStateException(key);
            }
        }
        if (p.nextToken() != null) {
            throw error("unexpected text after the JSON object; fix the JSON");
        }
        if (profiles != null) {
            for (Map.Entry<String, Profile> e : profiles.entrySet()) {
                String named = e.getValue().server();
                if (named != null && (servers == null || !servers.containsKey(named))) {
                    throw LauncherException.usage(location.path() + ": profiles." + e.getKey() + ".server names '" + named
                            + "', which is not in servers (" + knownServers(servers) + "); add it under servers or fix the name");
                }
                for (Map.Entry<String, String> t : e.getValue().tierServers().entrySet()) {
                    requireTierServer(t.getValue(), "profiles." + e.getKey() + ".tierServers." + t.getKey(), servers);
                }
            }
        }
        return new Config(schema, host, defaults, profiles, integrations, servers);
    }

    private static String knownServers(Map<String, ServerEntry> servers) {
        return servers == null || servers.isEmpty() ? "there are none" : "known: " + String.join(", ", servers.keySet());
    }

    /** A per-tier server is a name in {@code servers} or an address, as {@code --tier-server} takes. */
    private void requireTierServer(String value, String at, Map<String, ServerEntry> servers) {
        if (servers != null && servers.containsKey(value)) {
            return;
        }
        try {
            ServerAddress.of(value, at);
        } catch (LauncherException e) {
            throw LauncherException.usage(location.path() + ": " + at + " is '" + Reporter.flatten(value) + "', neither a server in "
                    + "servers (" + knownServers(servers) + ") nor an address (host:port or http://host:port); fix it");
        }
    }

    /** Reads the value the parser is at; null for JSON null. */
    private interface ValueReader<T> {
        T read(String path) throws IOException;
    }

    /** An object of named entries, in file order (an entry that is JSON null is left out). */
    private <T> Map<String, T> map(String path, ValueReader<T> entry) throws IOException {
        if (object(path)) {
            return null;
        }
        Map<String, T> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            T value = entry.read(path + "." + name);
            if (value != null) {
                map.put(name, value);
            }
        }
        return map;
    }

    /** The four tier keys an object may hold, as they are read. */
    private final class Tiers {
        String large;
        String medium;
        String small;
        String model;

        /** Reads {@code key}'s model name if it is a tier key; false for any other key. */
        boolean read(String key, String at) throws IOException {
            switch (key) {
                case "large" -> large = modelName(at);
                case "medium" -> medium = modelName(at);
                case "small" -> small = modelName(at);
                case "model" -> model = modelName(at);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private Profile profile(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        Tiers tiers = new Tiers();
        String host = null;
        String server = null;
        Map<String, TierSet> integrations = null;
        Map<String, String> tierServers = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = known(PROFILE, path);
            String at = path + "." + key;
            if (key.equals("host")) {
                host = string(at);
            } else if (key.equals("server")) {
                server = string(at);
            } else if (key.equals("tierServers")) {
                tierServers = tierServers(at);
            } else if (key.equals("integrations")) {
                integrations = map(at, this::tierSet);
            } else {
                tiers.read(key, at);
            }
        }
        return new Profile(tiers.large, tiers.medium, tiers.small, tiers.model, host, integrations, server, tierServers);
    }

    /** {@code {"small": "laptop"}}: a tier id to a non-empty string (checked against {@code servers} at the end). */
    private Map<String, String> tierServers(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String tier = known(TIERS, path);
            String value = string(path + "." + tier);
            if (value != null && value.isBlank()) {
                throw error("empty server at " + path + "." + tier + ": name a server in servers or give an address");
            }
            if (value != null) {
                map.put(tier, value.trim());
            }
        }
        return map;
    }

    /** A {@code servers} entry: {@code url} required, {@code kind} and {@code apiKeyEnv} optional. */
    private ServerEntry server(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        JsonLocation start = p.currentTokenLocation();
        String url = null;
        String kind = null;
        String apiKeyEnv = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = known(SERVER, path);
            switch (key) {
                case "url" -> url = string(path + ".url");
                case "kind" -> kind = string(path + ".kind");
                default -> apiKeyEnv = string(path + ".apiKeyEnv");
            }
        }
        if (url == null || url.isBlank()) {
            throw new LauncherException(ExitCode.USAGE, location.path() + ":" + start.getLineNr() + ":" + start.getColumnNr()
                    + ": the server entry " + path + " has no url; add \"url\": \"http://host:port\"");
        }
        return new ServerEntry(url, kind, apiKeyEnv);
    }

    private IntegrationDefaults integrationDefaults(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        String profile = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            profile = string(path + "." + known(INTEGRATION, path));
        }
        return new IntegrationDefaults(profile);
    }

    private TierSet tierSet(String path) throws IOException {
        if (object(path)) {
            return null;
        }
        Tiers tiers = new Tiers();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = known(TIER_SET, path);
            tiers.read(key, path + "." + key);
        }
        return new TierSet(tiers.large, tiers.medium, tiers.small, tiers.model);
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
