package dev.agentlaunch.core.picker;

import java.util.List;
import java.util.Optional;

/**
 * The interactive choice of a model per tier: one list per tier, a cursor, Enter accepts. Core
 * computes every line it shows; an implementation only draws them and reads keys. The one
 * implementation lives in its own jar ({@code lib/picker/}) with the terminal library it needs, so
 * a normal launch never loads either ({@link PickerLoader}).
 */
public interface ModelPicker {

    /**
     * One list to choose from.
     *
     * @param heading     what is chosen, e.g. {@code large tier: main conversation}
     * @param columns     the column titles, aligned with the lines
     * @param lines       one line per model
     * @param values      what each line stands for (the model's name), shown once chosen
     * @param preselected the line the cursor starts on
     */
    record Question(String heading, String columns, List<String> lines, List<String> values, int preselected) {
        public Question {
            lines = List.copyOf(lines);
            values = List.copyOf(values);
            if (lines.isEmpty() || lines.size() != values.size() || preselected < 0 || preselected >= lines.size()) {
                throw new IllegalArgumentException("a question needs lines, a value per line and a preselected line among them");
            }
        }
    }

    /**
     * Asks each question in turn on the terminal.
     *
     * @param title     a line above every question, e.g. the integration and the server
     * @param questions the lists
     * @return the chosen line of each question, or empty when the user cancelled (Ctrl-C, Esc, q);
     *         the terminal is left as it was found either way
     * @throws java.io.IOException when the terminal cannot be driven
     */
    Optional<List<Integer>> choose(String title, List<Question> questions) throws java.io.IOException;
}
