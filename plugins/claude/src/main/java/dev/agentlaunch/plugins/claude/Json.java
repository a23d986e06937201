package dev.agentlaunch.plugins.claude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Just enough JSON for Claude Code's settings files: parse a document into maps, lists, strings,
 * numbers (as their text), booleans and null; write a flat object of string maps. A plugin sees
 * only launcher-api, so it cannot borrow the host's Jackson, and bundling Jackson (2 MB) to read
 * one {@code env} block would cost every launch a bigger class path to scan.
 */
final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /**
     * Parses a whole document (JSON; a UTF-8 BOM is skipped).
     *
     * @throws IllegalArgumentException with the offset when it is not valid JSON
     */
    static Object parse(String text) {
        Json p = new Json(text.startsWith("\uFEFF") ? text.substring(1) : text);
        p.ws();
        Object v = p.value(0);
        p.ws();
        if (p.i != p.s.length()) {
            throw p.bad("unexpected text after the value");
        }
        return v;
    }

    private Object value(int depth) {
        if (depth > 200) {
            throw bad("nested too deeply");
        }
        if (i >= s.length()) {
            throw bad("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw bad("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (peek('}')) {
            i++;
            return m;
        }
        while (true) {
            ws();
            if (!peek('"')) {
                throw bad("expected a key");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            m.put(key, value(depth + 1));   // a duplicate key: the last wins, as in JavaScript
            ws();
            if (peek(',')) {
                i++;
            } else if (peek('}')) {
                i++;
                return m;
            } else {
                throw bad("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (peek(']')) {
            i++;
            return l;
        }
        while (true) {
            ws();
            l.add(value(depth + 1));
            ws();
            if (peek(',')) {
                i++;
            } else if (peek(']')) {
                i++;
                return l;
            } else {
                throw bad("expected ',' or ']'");
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw bad("short \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw bad("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw bad("bad escape '\\" + e + "'");
                }
            } else if (c < 0x20) {
                throw bad("control character in a string");
            } else {
                b.append(c);
            }
        }
        throw bad("unterminated string");
    }

    private String number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String n = s.substring(start, i);
        if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw bad("bad number '" + n + "'");
        }
        return n;
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) {
            throw bad("unexpected word");
        }
        i += word.length();
        return v;
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw bad("expected '" + c + "'");
        }
        i++;
    }

    private IllegalArgumentException bad(String what) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new IllegalArgumentException(what + " at line " + line + ", column " + col);
    }

    /** A JSON string literal. */
    static String quote(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** {@code {"env":{...},"model":"..."}} with keys sorted, so the same input always gives the same text. */
    static String settings(Map<String, String> env, String model) {
        StringBuilder b = new StringBuilder("{");
        if (!env.isEmpty()) {
            b.append("\"env\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
                b.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                first = false;
            }
            b.append('}');
        }
        if (model != null) {
            b.append(env.isEmpty() ? "" : ",").append("\"model\":").append(quote(model));
        }
        return b.append('}').toString();
    }
}
