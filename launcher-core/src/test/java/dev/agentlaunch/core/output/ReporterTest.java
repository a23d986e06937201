package dev.agentlaunch.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Every message the launcher prints on stderr is exactly one line, whatever it quotes. */
class ReporterTest {
    @Test
    void controlCharactersInQuotedValuesAreEscapedNotPrinted() {
        StringWriter text = new StringWriter();
        Reporter reporter = new Reporter(new PrintWriter(text), false, true);

        reporter.error("unknown integration 'clau\nde'");
        reporter.warn("tab\there, bell\u0007, escape\u001b[31m");
        reporter.note("keeping your X=a\r\nb");
        reporter.debug("ünïcødé stays ✓");

        assertEquals(String.join(System.lineSeparator(),
                "launch: error: unknown integration 'clau\\nde'",
                "launch: warning: tab\\there, bell\\x07, escape\\x1b[31m",
                "launch: keeping your X=a\\r\\nb",
                "launch: debug: ünïcødé stays ✓", ""), text.toString());
    }

    @Test
    void quietDropsNotesOnly() {
        StringWriter text = new StringWriter();
        Reporter reporter = new Reporter(new PrintWriter(text), true, false);
        reporter.note("a note");
        reporter.debug("a debug line");
        reporter.warn("a warning");
        assertEquals("launch: warning: a warning" + System.lineSeparator(), text.toString());
    }

    @Test
    void tipsReachAPersonAtATerminalOnly() {
        StringWriter text = new StringWriter();
        Reporter reporter = new Reporter(new PrintWriter(text), false, false);
        reporter.tipsOnlyIf(false).note("tip: advice for a session");
        reporter.tipsOnlyIf(false).note("keeping your X=1");
        assertEquals("launch: keeping your X=1" + System.lineSeparator(), text.toString(), "a script sees no tip");
        reporter.tipsOnlyIf(true).note("tip: advice for a session");
        assertEquals("launch: keeping your X=1" + System.lineSeparator() + "launch: tip: advice for a session"
                + System.lineSeparator(), text.toString());
    }
}
