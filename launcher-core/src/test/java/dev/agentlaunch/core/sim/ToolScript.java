package dev.agentlaunch.core.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The armed one-shot tool calls, shared by all chat APIs. */
final class ToolScript {

    /** A tool call to make: the tool's name and the input object. */
    record Armed(String name, JsonNode input) { }

    private final List<Armed> armed = new ArrayList<>();

    synchronized void arm(String name, JsonNode input) {
        armed.add(new Armed(name, input));
    }

    synchronized int pending() {
        return armed.size();
    }

    /** Removes and returns the first armed call whose tool the request offers, or null. */
    synchronized Armed take(Predicate<String> offered) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed a = it.next();
            if (offered.test(a.name())) {
                it.remove();
                return a;
            }
        }
        return null;
    }
}
