package dev.agentlaunch.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories for tools pointed at a directory (Cline's --config): named by content, rewritten when changed. */
class StateDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryHoldsTheContentAtItsPathAndIsNamedByIt() throws Exception {
        StateDirectory state = new StateDirectory(tmp.resolve("state"));
        Path one = state.directory("-tool", "data/settings/providers.json", "{\"a\":1}");
        assertTrue(one.startsWith(tmp.resolve("state")) && one.getFileName().toString().endsWith("-tool"), one.toString());
        assertEquals("{\"a\":1}", Files.readString(one.resolve("data/settings/providers.json")));
        assertEquals(one, state.directory("-tool", "data/settings/providers.json", "{\"a\":1}"), "same content, same dir");
        assertNotEquals(one, state.directory("-tool", "data/settings/providers.json", "{\"a\":2}"));

        Files.writeString(one.resolve("data/settings/providers.json"), "changed by the tool");
        state.directory("-tool", "data/settings/providers.json", "{\"a\":1}");
        assertEquals("{\"a\":1}", Files.readString(one.resolve("data/settings/providers.json")), "rewritten when it differs");
    }

    @Test
    void aTrialMappingGetsTheSameDirectoryAndWritesNothing() {
        StateDirectory state = new StateDirectory(tmp.resolve("state"));
        Path named = state.namesOnly().directory("-tool", "data/settings/providers.json", "{\"a\":1}");
        assertTrue(Files.notExists(tmp.resolve("state")), "nothing written");
        assertEquals(named, state.directory("-tool", "data/settings/providers.json", "{\"a\":1}"));
    }

    @Test
    void aPathOutsideTheDirectoryIsRefused() {
        StateDirectory state = new StateDirectory(tmp.resolve("state"));
        assertThrows(IllegalArgumentException.class, () -> state.directory("-tool", "../escape.json", "x"));
    }
}
