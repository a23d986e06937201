package dev.agentlaunch.core.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentlaunch.core.server.ServerAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What makes {@code launch doctor} fail, and what is only worth a note. */
class DoctorResultTest {
    static DoctorResult withTool(String version, List<String> proven) {
        return new DoctorResult(new ServerAddress("http://127.0.0.1:11434", "default"), Optional.empty(), null,
                Optional.empty(), Optional.of(new DoctorResult.ToolStatus("claude", "Claude Code", "/bin/claude", version,
                "npm install -g @anthropic-ai/claude-code", proven)), List.of(), true);
    }

    @Test
    void aToolNewerThanItsProvenRangeIsANoteNeverAProblem() {
        DoctorResult r = withTool("2.1.400", List.of("2.1.197", "2.1.332"));
        assertEquals(List.of(), r.problems(), "doctor exits 0");
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).contains("newer than the versions the 'claude' plugin was proven on (2.1.197 to 2.1.332)"),
                r.notes()::toString);
    }

    @Test
    void aToolInsideTheRangeDrawsNothing() {
        DoctorResult r = withTool("2.1.250", List.of("2.1.197", "2.1.332"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), r.notes());
    }

    @Test
    void aMissingToolIsStillAProblem() {
        DoctorResult r = new DoctorResult(new ServerAddress("http://127.0.0.1:11434", "default"), Optional.empty(), null,
                Optional.empty(), Optional.of(new DoctorResult.ToolStatus("claude", "Claude Code", null, null,
                "npm install -g @anthropic-ai/claude-code", List.of("2.1.197"))), List.of(), true);
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains("not installed"), r.problems()::toString);
    }
}
