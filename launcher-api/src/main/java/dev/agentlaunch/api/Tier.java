package dev.agentlaunch.api;

import java.util.Locale;

/**
 * A capability tier. Every agent tool routes its work to models of different strength; the
 * launcher lets the user name one model per tier and each integration maps the tiers onto its
 * tool's own routing (env vars, flags, inline config).
 *
 * <p>Tiers are ordered from largest to smallest: the fallback rule fills a tier without a model
 * from the next larger tier that has one, then from the next smaller one.
 */
public enum Tier {
    /** Main conversation and planning: the strongest model. */
    LARGE,
    /** Subagents and everyday work. */
    MEDIUM,
    /** Background work: session titles, summaries, search and explore subagents. */
    SMALL;

    /** The tier's name as used in flags and output: {@code large}, {@code medium}, {@code small}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command-line flag that sets this tier: {@code --large}, {@code --medium}, {@code --small}. */
    public String flag() {
        return "--" + id();
    }
}
