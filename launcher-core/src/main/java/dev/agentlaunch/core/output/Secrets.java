package dev.agentlaunch.core.output;

import java.util.Locale;

/** Masks the values of variables whose names say they hold a secret, in everything printed. */
public final class Secrets {
    private static final String[] MARKERS = {"KEY", "TOKEN", "SECRET", "PASSWORD"};

    private Secrets() {
    }

    public static boolean isSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String m : MARKERS) {
            if (upper.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** The value as it may be printed: secrets become {@code ****} (an empty value stays empty). */
    public static String display(String name, String value) {
        if (value == null) {
            return "";
        }
        return isSecretName(name) && !value.isEmpty() ? "****" : value;
    }
}
