package dev.agentlaunch.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentlaunch.api.Tier;
import dev.agentlaunch.api.TierPlan.Assignment;
import dev.agentlaunch.api.TierSource;
import dev.agentlaunch.core.server.ServerAddress;
import dev.agentlaunch.core.tiers.TierResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documented precedence, every pair of sources: per tier, flag, profile, config default,
 * {@code --model}, fallback; per server, {@code --host}, the profile's host, {@code OLLAMA_HOST},
 * the config's host, the default. Each case gives the medium tier (or the server) a value from
 * two sources and checks the higher one wins and is reported as the source.
 */
class PrecedenceTest {
    enum TierFrom { FLAG, PROFILE, CONFIG, MODEL, FALLBACK }

    enum HostFrom { FLAG, PROFILE, OLLAMA_HOST, CONFIG, DEFAULT }

    @TempDir
    Path dir;

    static Stream<Arguments> tierPairs() {
        return pairs(TierFrom.values());
    }

    static Stream<Arguments> hostPairs() {
        return pairs(HostFrom.values());
    }

    private static <T> Stream<Arguments> pairs(T[] order) {
        List<Arguments> cases = new ArrayList<>();
        for (int hi = 0; hi < order.length; hi++) {
            for (int lo = hi + 1; lo < order.length; lo++) {
                cases.add(Arguments.of(order[hi], order[lo]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} beats {1}")
    @MethodSource("tierPairs")
    void higherTierSourceWins(TierFrom winner, TierFrom loser) throws IOException {
        Map<Tier, String> flags = new EnumMap<>(Tier.class);
        String[] model = {null};
        List<String> profile = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        for (TierFrom from : List.of(winner, loser)) {
            String name = (from == winner ? "win" : "lose") + ":1";
            switch (from) {
                case FLAG -> flags.put(Tier.MEDIUM, name);
                case PROFILE -> profile.add("\"medium\": \"" + name + "\"");
                case CONFIG -> defaults.add("\"medium\": \"" + name + "\"");
                case MODEL -> model[0] = name;
                case FALLBACK -> flags.put(Tier.LARGE, name);
            }
        }
        if (!flags.containsKey(Tier.LARGE)) {
            flags.put(Tier.LARGE, "big:1");    // so every tier has something, whatever the pair
        }
        Path config = write("{\"profiles\": {\"p\": {" + String.join(",", profile) + (profile.isEmpty() ? "\"small\": \"x:1\"" : "")
                + "}}, \"defaults\": {" + String.join(",", defaults) + "}}");
        ResolvedRequest r = resolver(Map.of()).resolve("claude", config, "p", flags, model[0], null);

        Assignment medium = new TierResolver().resolve(r.request()).get(Tier.MEDIUM);
        assertEquals("win:1", medium.model());
        assertEquals(expected(winner), medium.source());
    }

    private static TierSource expected(TierFrom from) {
        return switch (from) {
            case FLAG -> TierSource.FLAG;
            case PROFILE -> TierSource.PROFILE;
            case CONFIG -> TierSource.CONFIG;
            case MODEL -> TierSource.MODEL;
            case FALLBACK -> TierSource.FROM_LARGER;
        };
    }

    @ParameterizedTest(name = "{0} beats {1}")
    @MethodSource("hostPairs")
    void higherServerSourceWins(HostFrom winner, HostFrom loser) throws IOException {
        String hostFlag = null;
        Map<String, String> env = new HashMap<>();
        String profileHost = "";
        String configHost = "";
        for (HostFrom from : List.of(winner, loser)) {
            String host = from == winner ? "win.example:1" : "lose.example:2";
            switch (from) {
                case FLAG -> hostFlag = host;
                case PROFILE -> profileHost = ", \"host\": \"" + host + "\"";
                case OLLAMA_HOST -> env.put("OLLAMA_HOST", host);
                case CONFIG -> configHost = "\"host\": \"" + host + "\", ";
                case DEFAULT -> { }
            }
        }
        Path config = write("{" + configHost + "\"profiles\": {\"p\": {\"large\": \"a:1\"" + profileHost + "}}}");
        ServerAddress server = resolver(env).resolve("claude", config, "p", Map.of(), null, hostFlag).server();

        String expectedUrl = winner == HostFrom.DEFAULT ? ServerAddress.DEFAULT_URL : "http://win.example:1";
        assertEquals(expectedUrl, server.url());
        String expectedSource = switch (winner) {
            case FLAG -> "--host";
            case PROFILE -> "profile p";
            case OLLAMA_HOST -> "OLLAMA_HOST";
            case CONFIG -> "config";
            case DEFAULT -> "default";
        };
        assertEquals(expectedSource, server.source());
    }

    private RequestResolver resolver(Map<String, String> env) {
        return new RequestResolver(env, Optional.of(dir));
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }
}
