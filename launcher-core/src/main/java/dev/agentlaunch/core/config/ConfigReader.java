package dev.agentlaunch.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentlaunch.core.LauncherException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

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
        static final ObjectMapper MAPPER = treeMapper();
    }

    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static ObjectMapper treeMapper() {
        // The file is validated by ConfigBinder first; the mapper only keeps it as a tree to edit.
        return JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
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
        return bind(bytes(location), location);
    }

    private static Config bind(byte[] bytes, ConfigLocation location) {
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
        Config config = bind(bytes, location);      // validates: the tree below is of a valid file
        try {
            return new Parsed((ObjectNode) mapper().readTree(bytes), config);
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

    /** One line: {@code FILE:LINE:COLUMN: what is wrong; fix the JSON}, for text the parser refused. */
    private static LauncherException error(ConfigLocation location, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = location.path() + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr());
        return new LauncherException(dev.agentlaunch.core.ExitCode.USAGE, where + ": " + firstLine(e.getOriginalMessage())
                + "; fix the JSON", e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid JSON";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
