package dev.agentlaunch.core.server.kinds;

import dev.agentlaunch.api.ServerAnswer;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Forgiving navigation of parsed JSON (maps and lists), like Jackson's {@code path()}: a missing part is empty, never an error. */
final class Fields {
    private Fields() {
    }

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

    /** A positive token count, else empty. */
    static OptionalInt tokens(Object o, String field) {
        Object v = o instanceof Map<?, ?> m ? m.get(field) : null;
        return v instanceof Number n && n.longValue() > 0 && n.longValue() <= Integer.MAX_VALUE
                ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    /** A positive whole number (bytes, a parameter count), else empty. */
    static OptionalLong count(Object o, String field) {
        Object v = o instanceof Map<?, ?> m ? m.get(field) : null;
        return v instanceof Number n && n.longValue() > 0 ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    static Boolean bool(Object o, String field) {
        Object v = o instanceof Map<?, ?> m ? m.get(field) : null;
        return v instanceof Boolean b ? b : null;
    }

    /** A 200 answer whose body is a JSON object, else null: detection reads bodies, not statuses. */
    static Map<String, Object> object200(ServerAnswer a) {
        if (a == null || a.status() != 200) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = a.json() instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        return m;
    }

    /** Whether an OpenAI-style {@code /v1/models} answer lists a model owned by {@code owner}. */
    static boolean ownedBy(ServerAnswer a, String owner) {
        Map<String, Object> root = object200(a);
        return root != null && list(root, "data").stream().anyMatch(m -> owner.equals(text(m, "owned_by")));
    }
}
