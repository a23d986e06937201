package dev.agentlaunch.core.output;

import dev.agentlaunch.core.process.ShellQuote;
import java.util.Locale;

/**
 * The shells {@code launch env} writes for: how each sets an exported variable and quotes a
 * word so that any value (spaces, quotes, newlines, {@code $}) arrives byte for byte.
 */
public enum Shell {
    /** sh, bash, zsh, dash: {@code export NAME='value'}. */
    POSIX {
        @Override
        public String export(String name, String value) {
            return "export " + name + "=" + quote(value);
        }

        @Override
        public String quote(String word) {
            return ShellQuote.quote(word);
        }
    },
    /** fish: {@code set -gx NAME 'value'}; inside single quotes only backslash and quote are special. */
    FISH {
        @Override
        public String export(String name, String value) {
            return "set -gx " + name + " " + quote(value);
        }

        @Override
        public String quote(String word) {
            return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
    },
    /**
     * PowerShell: {@code $env:NAME = 'value'}. In a single-quoted string only the quote is special,
     * and PowerShell counts the typographic single quotes as quotes too, so all of them are doubled.
     */
    POWERSHELL {
        @Override
        public String export(String name, String value) {
            return "$env:" + name + " = " + quote(value);
        }

        @Override
        public String quote(String word) {
            StringBuilder b = new StringBuilder("'");
            for (char c : word.toCharArray()) {
                b.append(c);
                if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
                    b.append(c);
                }
            }
            return b.append('\'').toString();
        }
    };

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9_%+=:,./-]+");

    /** A command line to run in this shell: plain words as they are, others quoted. */
    public String command(java.util.List<String> argv) {
        StringBuilder b = new StringBuilder(this == POWERSHELL ? "& " : "");
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            b.append(i == 0 ? "" : " ").append(PLAIN.matcher(w).matches() && !(this == POWERSHELL && i == 0) ? w : quote(w));
        }
        return b.toString();
    }

    /** One line that sets and exports the variable in this shell. */
    public abstract String export(String name, String value);

    /**
     * One line that sets and exports the variable to the value of another one (a token's
     * variable), so the value itself is never printed: {@code export A="$B"}, {@code set -gx A $B},
     * {@code $env:A = $env:B}. {@code other} is a validated variable name.
     */
    public String exportReference(String name, String other) {
        return switch (this) {
            case POSIX -> "export " + name + "=\"$" + other + "\"";
            case FISH -> "set -gx " + name + " $" + other;
            case POWERSHELL -> "$env:" + name + " = $env:" + other;
        };
    }

    /** The word quoted for this shell. */
    public abstract String quote(String word);

    /**
     * A comment line. A comment ends at a newline and whatever follows would run under
     * {@code eval}, so control characters are shown escaped: the line is for reading only.
     */
    public String comment(String text) {
        StringBuilder b = new StringBuilder("# ");
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
