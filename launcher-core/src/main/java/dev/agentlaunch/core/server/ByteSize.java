package dev.agentlaunch.core.server;

import dev.agentlaunch.core.LauncherException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts as users write them ({@code 24GiB}, {@code 16 GB}, {@code 512M}) and as the launcher
 * prints them. Printing uses decimal units with at most one decimal, as {@code ollama list} does,
 * so a size here reads like the one there (one decimal also above 10 GB: sums and budgets compare).
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]?)(I?)(B?)");

    private ByteSize() {
    }

    /**
     * Parses {@code N[unit]}: {@code KB MB GB TB} are decimal, {@code KiB MiB GiB TiB} and the bare
     * letters {@code K M G T} binary (as in {@code free -g} and JVM flags); no unit means bytes.
     * Case is ignored.
     *
     * @throws LauncherException (exit 2) when the text is not a size
     */
    public static long parse(String text, String option) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches() || (!m.group(3).isEmpty() && (m.group(2).isEmpty() || m.group(4).isEmpty()))) {
            throw bad(text, option);
        }
        String prefix = m.group(2);
        boolean binary = !m.group(3).isEmpty() || m.group(4).isEmpty();
        int power = prefix.isEmpty() ? 0 : "KMGT".indexOf(prefix) + 1;
        BigDecimal unit = BigDecimal.valueOf(binary ? 1024 : 1000).pow(power);
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(unit);
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw bad(text, option);
        }
        return bytes.longValue();
    }

    private static LauncherException bad(String text, String option) {
        return LauncherException.usage(option + " '" + text + "' is not a size: use a number with a unit, e.g. 24GiB or 16GB");
    }

    /** {@code 2.6 GB}, {@code 20 GB}, {@code 850 MB}, {@code 1.5 KB}, {@code 512 B}. */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int i = -1;
        while (value >= 1000 && i < units.length - 1) {
            value /= 1000;
            i++;
        }
        String number = value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        return number.replaceFirst("\\.0$", "") + " " + units[i];
    }
}
