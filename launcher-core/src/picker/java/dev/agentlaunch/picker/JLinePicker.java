package dev.agentlaunch.picker;

import dev.agentlaunch.core.picker.ModelPicker;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * The model picker on JLine 3: one list per question, drawn below the title and redrawn in place;
 * up/down (or k/j) move, Enter accepts, Ctrl-C, Esc or q cancels. Raw mode without ISIG, so Ctrl-C
 * arrives as a key and the picker itself puts the terminal back before anything else happens; a
 * shutdown hook does the same if the JVM is ended meanwhile.
 */
public final class JLinePicker implements ModelPicker {
    /** JLine reports through java.util.logging; nothing of it may reach the user. Held: loggers are weakly kept. */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    private enum Key { UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, ACCEPT, CANCEL }

    @Override
    public Optional<List<Integer>> choose(String title, List<Question> questions) throws IOException {
        JLINE_LOG.setLevel(Level.OFF);
        Terminal terminal = systemTerminal();
        Attributes saved = terminal.enterRawMode();
        Thread restore = new Thread(() -> restore(terminal, saved), "picker-restore");
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            Attributes raw = new Attributes(terminal.getAttributes());
            raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
            terminal.setAttributes(raw);
            terminal.puts(Capability.keypad_xmit);
            terminal.puts(Capability.cursor_invisible);
            PrintWriter w = terminal.writer();
            w.print(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(title).toAnsi(terminal) + "\r\n");
            BindingReader reader = new BindingReader(terminal.reader());
            KeyMap<Key> keys = keys(terminal);
            List<Integer> answers = new ArrayList<>();
            for (Question q : questions) {
                int chosen = ask(terminal, reader, keys, q);
                if (chosen < 0) {
                    return Optional.empty();
                }
                answers.add(chosen);
                w.print("  " + q.heading() + " -> " + q.values().get(chosen) + "\r\n");
                w.flush();
            }
            return Optional.of(answers);
        } finally {
            restore(terminal, saved);
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway, and restoring twice is harmless
            }
        }
    }

    /**
     * The user's terminal. JLine finds its providers through the context class loader, which must be
     * the picker's own: JLine is not on the launcher's class path.
     */
    private static Terminal systemTerminal() throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JLinePicker.class.getClassLoader());
        try {
            return TerminalBuilder.builder().system(true).dumb(false).systemOutput(TerminalBuilder.SystemOutput.SysErr).build();
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The chosen line, or -1 when cancelled. The list is erased either way. */
    private static int ask(Terminal terminal, BindingReader reader, KeyMap<Key> keys, Question q) {
        int cursor = q.preselected();
        int top = 0;
        int drawn = 0;
        while (true) {
            Size size = terminal.getSize();
            int rows = size.getRows() > 0 ? size.getRows() : 24;
            int columns = size.getColumns() > 0 ? size.getColumns() : 80;
            int visible = Math.min(q.lines().size(), Math.max(3, rows - 6));
            if (cursor < top) {
                top = cursor;
            } else if (cursor >= top + visible) {
                top = cursor - visible + 1;
            }
            List<String> screen = new ArrayList<>();
            screen.add(styled(terminal, q.heading(), AttributedStyle.BOLD, columns));
            screen.add(styled(terminal, q.columns(), AttributedStyle.DEFAULT.faint(), columns));
            for (int i = top; i < top + visible; i++) {
                String line = (i == cursor ? "> " : "  ") + q.lines().get(i);
                screen.add(styled(terminal, line, i == cursor ? AttributedStyle.INVERSE : AttributedStyle.DEFAULT, columns));
            }
            if (visible < q.lines().size()) {
                screen.add(styled(terminal, "  (" + (top + 1) + "-" + (top + visible) + " of " + q.lines().size() + ")",
                        AttributedStyle.DEFAULT.faint(), columns));
            }
            erase(terminal, drawn);
            terminal.writer().print(String.join("\r\n", screen));
            terminal.flush();
            drawn = screen.size();
            Key key = reader.readBinding(keys);
            if (key == null || key == Key.CANCEL) {
                erase(terminal, drawn);
                return -1;
            }
            switch (key) {
                case UP -> cursor = Math.max(0, cursor - 1);
                case DOWN -> cursor = Math.min(q.lines().size() - 1, cursor + 1);
                case PAGE_UP -> cursor = Math.max(0, cursor - visible);
                case PAGE_DOWN -> cursor = Math.min(q.lines().size() - 1, cursor + visible);
                case HOME -> cursor = 0;
                case END -> cursor = q.lines().size() - 1;
                case ACCEPT -> {
                    erase(terminal, drawn);
                    return cursor;
                }
                default -> {
                }
            }
        }
    }

    /** Back to the first drawn line's start and clear to the end of the screen. */
    private static void erase(Terminal terminal, int drawn) {
        if (drawn == 0) {
            return;
        }
        terminal.writer().print("\r");
        for (int i = 1; i < drawn; i++) {
            terminal.puts(Capability.cursor_up);
        }
        terminal.puts(Capability.clr_eos);
        terminal.flush();
    }

    /** One line, cut to the terminal's width so it never wraps (the redraw counts lines). */
    private static String styled(Terminal terminal, String text, AttributedStyle style, int columns) {
        String cut = text.length() >= columns ? text.substring(0, columns - 1) : text;
        return new AttributedStringBuilder().style(style).append(cut).toAnsi(terminal);
    }

    private static KeyMap<Key> keys(Terminal terminal) {
        KeyMap<Key> keys = new KeyMap<>();
        bind(keys, Key.UP, "k", KeyMap.ctrl('P'), "\033[A", "\033OA", KeyMap.key(terminal, Capability.key_up));
        bind(keys, Key.DOWN, "j", KeyMap.ctrl('N'), "\033[B", "\033OB", KeyMap.key(terminal, Capability.key_down));
        bind(keys, Key.PAGE_UP, "\033[5~", KeyMap.key(terminal, Capability.key_ppage));
        bind(keys, Key.PAGE_DOWN, "\033[6~", KeyMap.key(terminal, Capability.key_npage));
        bind(keys, Key.HOME, "g", "\033[H", "\033OH", KeyMap.key(terminal, Capability.key_home));
        bind(keys, Key.END, "G", "\033[F", "\033OF", KeyMap.key(terminal, Capability.key_end));
        bind(keys, Key.ACCEPT, "\r", "\n");
        bind(keys, Key.CANCEL, KeyMap.ctrl('C'), KeyMap.ctrl('D'), "q", KeyMap.esc());
        keys.setAmbiguousTimeout(200);
        return keys;
    }

    /** Binds the sequences a terminal may send; a capability the terminal lacks is null and skipped. */
    private static void bind(KeyMap<Key> keys, Key key, String... sequences) {
        for (String s : sequences) {
            if (s != null && !s.isEmpty()) {
                keys.bind(key, s);
            }
        }
    }

    private static void restore(Terminal terminal, Attributes saved) {
        try {
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.cursor_normal);
            terminal.setAttributes(saved);
            terminal.flush();
        } catch (RuntimeException e) {
            // the terminal is gone: nothing left to restore
        }
    }
}
