package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the {@link OllamaSimulator} received it. Every request is recorded, also the ones
 * answered with an error, injected faults and unknown paths.
 *
 * @param method  HTTP method, e.g. {@code POST}
 * @param path    the path without the query string, e.g. {@code /v1/messages}
 * @param query   the raw query string ({@code beta=true}), or null
 * @param model   the body's {@code model} (or {@code name}, as older /api/show and /api/pull clients send), or null
 * @param headers request headers; the map's keys are case-insensitive
 * @param body    the raw body ("" when none)
 * @param json    the body parsed as JSON, or null when it is empty or not JSON
 */
public record RecordedRequest(String method, String path, String query, String model,
                              Map<String, List<String>> headers, String body, JsonNode json) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code POST /v1/messages model=qwen3:4b}: one line for test failure messages and notes. */
    @Override
    public String toString() {
        return method + " " + path + (model == null ? "" : " model=" + model);
    }
}
