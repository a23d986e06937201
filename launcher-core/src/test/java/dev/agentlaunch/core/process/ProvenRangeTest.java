package dev.agentlaunch.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenRangeTest {
    final ProvenRange claude = new ProvenRange(List.of("2.1.197", "2.1.332"));

    @Test
    void theRangeRunsFromTheFirstToTheLastVersion() {
        assertEquals("2.1.197 to 2.1.332", claude.toString());
        assertFalse(claude.outside("2.1.250"), "between the two, though never listed");
        assertFalse(claude.outside("2.1.197"));
        assertFalse(claude.outside("2.1.332"));
        assertTrue(claude.outside("2.1.333"));
        assertTrue(claude.outside("2.1.99"), "numbers compare as numbers, not text");
        assertTrue(claude.outside("2.2.0"));
        assertTrue(claude.outside("2.1.197-beta.1"), "a pre-release comes before its release");
    }

    @Test
    void oneVersionIsARangeOfOneAndNoneDeclaresNothing() {
        ProvenRange one = new ProvenRange(List.of("1.18.33"));
        assertEquals("1.18.33", one.toString());
        assertFalse(one.outside("1.18.33"));
        assertTrue(one.outside("1.18.34"));
        assertFalse(new ProvenRange(List.of()).outside("9.9.9"), "not declared: never outside");
        assertFalse(claude.outside(null), "unknown version");
    }

    @Test
    void theNoteSaysWhichSideAndNeverCallsItAnError() {
        String newer = claude.note("Claude Code", "2.1.400", "/bin/claude", "claude");
        assertTrue(newer.startsWith("Claude Code 2.1.400 at /bin/claude is newer than the versions the 'claude' plugin was "
                + "proven on (2.1.197 to 2.1.332)"), newer);
        assertTrue(claude.note("Claude Code", "2.0.1", "/bin/claude", "claude").contains("older than"));
    }
}
