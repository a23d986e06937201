package dev.agentlaunch.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import dev.agentlaunch.core.output.Reporter;
import dev.agentlaunch.core.server.ServerAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Saves profiles: the only code that writes the config file. It edits the file's JSON tree, so
 * every other profile and setting stays as it was (order included), refuses to edit a file that
 * does not read cleanly, and replaces the file atomically with one backup next to it.
 */
public final class ProfileStore {
    /** What a new config file names as its schema, for editors. */
    public static final String SCHEMA_URL = "https://agentlaunch.dev/schema/config-1.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ConfigReader reader;
    private final AtomicFile file;

    public ProfileStore(ConfigReader reader) {
        this(reader, new AtomicFile(AtomicFile.RENAME));
    }

    ProfileStore(ConfigReader reader, AtomicFile file) {
        this.reader = reader;
        this.file = file;
    }

    /**
     * Adds (or, with {@code force}, replaces) a profile.
     *
     * @return the file written
     */
    public Path save(ConfigLocation location, String name, Profile profile, boolean force) {
        return save(location, name, profile, force, java.util.List.of());
    }

    /**
     * Adds (or, with {@code force}, replaces) a profile and makes it the default profile of the
     * given integrations.
     *
     * @return the file written
     */
    public Path save(ConfigLocation location, String name, Profile profile, boolean force, java.util.List<String> defaultFor) {
        if (!NAME.matcher(name).matches()) {
            throw LauncherException.usage("invalid profile name '" + name + "': use letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, e.g. coding");
        }
        if (profile.tiersFor("").isEmpty()) {
            throw LauncherException.usage("profile '" + name + "' needs a model: pass --large, --medium, --small or --model");
        }
        ObjectNode tree;
        if (location.exists()) {
            ConfigReader.Parsed parsed = reader.parse(location);
            tree = parsed.tree();
            requireServer(profile, parsed.config(), location);
        } else {
            requireServer(profile, Config.empty(), location);
            tree = ConfigReader.mapper().createObjectNode();
            tree.put("$schema", SCHEMA_URL);
        }
        JsonNode existing = tree.get("profiles");
        ObjectNode profiles = existing instanceof ObjectNode o ? o : tree.putObject("profiles");
        if (profiles.has(name) && !force) {
            throw LauncherException.usage("profile '" + name + "' already exists in " + location.path()
                    + "; pass --force to replace it (the previous file is kept as " + AtomicFile.backupOf(location.path()).getFileName() + ")");
        }
        profiles.set(name, ConfigReader.mapper().valueToTree(profile));
        if (!defaultFor.isEmpty()) {
            JsonNode ints = tree.get("integrations");
            ObjectNode integrations = ints instanceof ObjectNode o ? o : tree.putObject("integrations");
            for (String id : defaultFor) {
                JsonNode one = integrations.get(id);
                (one instanceof ObjectNode o ? o : integrations.putObject(id)).put("profile", name);
            }
        }
        byte[] bytes;
        try {
            bytes = (ConfigReader.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            return file.replace(location.path(), bytes);
        } catch (IOException e) {
            throw new LauncherException(ExitCode.NOT_READY, "cannot write config file " + location.path() + ": " + why(e)
                    + "; the file was not changed. Check the directory's permissions or use --config FILE", e);
        }
    }

    /** A profile may name only a server the config has: the file must read cleanly afterwards. */
    private static void requireServer(Profile profile, Config config, ConfigLocation location) {
        String known = config.servers().isEmpty() ? "there are none" : "known: " + String.join(", ", config.servers().keySet());
        if (profile.server() != null && !config.servers().containsKey(profile.server())) {
            throw LauncherException.usage("--server " + profile.server() + " is not in the \"servers\" of " + location.path()
                    + " (" + known + "); add it there first (url, kind, apiKeyEnv)");
        }
        profile.tierServers().forEach((tier, value) -> {
            if (!config.servers().containsKey(value)) {
                try {
                    ServerAddress.of(value, "--tier-server");
                } catch (LauncherException e) {
                    throw LauncherException.usage("--tier-server " + tier + "=" + Reporter.flatten(value) + " is neither a server in the "
                            + "\"servers\" of " + location.path() + " (" + known + ") nor an address (host:port or http://host:port); "
                            + "add the server there first or fix the value");
                }
            }
        });
    }

    /** An I/O failure in words: which path, what is wrong with it. */
    private static String why(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " on " + a.getFile());
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " is in the way (a file where a directory should be)";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + (f.getReason() == null ? "failed" : f.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
