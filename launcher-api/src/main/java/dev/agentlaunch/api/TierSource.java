package dev.agentlaunch.api;

/**
 * Where a tier's model came from. {@link #isExplicit()} decides the environment policy: an
 * explicit value replaces a variable already in the user's environment, a derived one never does.
 */
public enum TierSource {
    /** The tier's own flag on this command line ({@code --large}, ...). */
    FLAG("flag", true),
    /** The profile the user selected ({@code --profile}, or the integration's default profile). */
    PROFILE("profile", true),
    /** The default tiers of the launcher's config file. */
    CONFIG("config default", false),
    /** {@code --model}, which fills every tier the user did not name. */
    MODEL("--model", false),
    /** Copied from the next larger tier that has a model. */
    FROM_LARGER("from larger tier", false),
    /** Copied from the next smaller tier that has a model (no larger tier had one). */
    FROM_SMALLER("from smaller tier", false),
    /**
     * Chosen by the launcher from the server's models because the user asked for it ({@code --auto}):
     * explicit, as the user chose to have it chosen on this command line.
     *
     * @since 1.2.0
     */
    AUTO("auto", true),
    /**
     * Chosen by the user in the launcher's interactive model picker.
     *
     * @since 1.2.0
     */
    PICKED("picked", true);

    private final String label;
    private final boolean explicit;

    TierSource(String label, boolean explicit) {
        this.label = label;
        this.explicit = explicit;
    }

    /** A short human label, as printed by {@code --dry-run}. */
    public String label() {
        return label;
    }

    /** True when the user chose this value for this tier (a flag or a selected profile). */
    public boolean isExplicit() {
        return explicit;
    }
}
