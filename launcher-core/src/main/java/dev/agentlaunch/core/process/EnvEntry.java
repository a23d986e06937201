package dev.agentlaunch.core.process;

/**
 * One variable of the launch's environment and what the policy decided for it.
 *
 * @param name    the variable
 * @param value   the value the child gets
 * @param action  what happened relative to the user's environment
 * @param ambient the user's own value, or null when they had none
 * @param derived the launch's value when it was not applied ({@link Action#KEPT}), else null
 */
public record EnvEntry(String name, String value, Action action, String ambient, String derived) {
    public enum Action {
        /** The launch sets a variable the user did not have (or had with the same value). */
        SET("set"),
        /** The launch replaces the user's value (explicit choice, or a variable the launch needs). */
        REPLACED("replaced"),
        /** The user's value stays: the launch's value was only derived. */
        KEPT("kept yours");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
