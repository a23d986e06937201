package dev.agentlaunch.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.ExitCode;
import dev.agentlaunch.core.LauncherException;
import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void binaryAndDecimalUnitsAsUsersWriteThem() {
        assertEquals(24L * 1024 * 1024 * 1024, ByteSize.parse("24GiB", "--memory"));
        assertEquals(24L * 1024 * 1024 * 1024, ByteSize.parse("24gib", "--memory"));
        assertEquals(24L * 1024 * 1024 * 1024, ByteSize.parse("24G", "--memory"));
        assertEquals(16_000_000_000L, ByteSize.parse("16GB", "--memory"));
        assertEquals(16_000_000_000L, ByteSize.parse(" 16 GB ", "--memory"));
        assertEquals(512L * 1024 * 1024, ByteSize.parse("512M", "--memory"));
        assertEquals(1_500_000_000L, ByteSize.parse("1.5GB", "--memory"));
        assertEquals(2L * 1024 * 1024 * 1024 * 1024, ByteSize.parse("2TiB", "--memory"));
        assertEquals(4096, ByteSize.parse("4096", "--memory"));
    }

    @Test
    void anythingElseIsBadInputNamingTheOption() {
        for (String bad : new String[] {"", "GiB", "24x", "24 GiBs", "-3GB", "0", "0GB", "24IB", "24Gi", "1e3", "99999999999TB"}) {
            LauncherException e = assertThrows(LauncherException.class, () -> ByteSize.parse(bad, "--memory"), bad);
            assertEquals(ExitCode.USAGE, e.exitCode(), bad);
            assertTrue(e.getMessage().startsWith("--memory '" + bad + "' is not a size"), e.getMessage());
            assertTrue(e.getMessage().contains("24GiB"), e.getMessage());
        }
    }

    @Test
    void printsDecimalUnitsLikeOllamaList() {
        assertEquals("2.6 GB", ByteSize.format(2_600_000_000L));
        assertEquals("20 GB", ByteSize.format(19_999_999_999L));
        assertEquals("25.8 GB", ByteSize.format(24L * 1024 * 1024 * 1024));
        assertEquals("850 MB", ByteSize.format(850_000_000L));
        assertEquals("112 GB", ByteSize.format(112_000_000_000L));
        assertEquals("12 KB", ByteSize.format(12_000));
        assertEquals("1.5 KB", ByteSize.format(1_500));
        assertEquals("512 B", ByteSize.format(512));
        assertEquals("1.2 TB", ByteSize.format(1_200_000_000_000L));
    }
}
