package dev.agentlaunch.core.server;

import dev.agentlaunch.api.Tier;

/**
 * A model the launch really uses without it being a tier's model: the user's own tier variable
 * that the environment policy keeps because the launch's value for it was only derived (e.g.
 * {@code ANTHROPIC_DEFAULT_HAIKU_MODEL=claude-3-5-haiku-latest} while the small tier's model came
 * from {@code --model}). The tool will ask the server for it, so the checks ask first.
 *
 * @param variable the user's variable
 * @param model    its value: the model the tool will ask for
 * @param tier     the tier the variable carries; its flag replaces the variable for a session
 */
public record KeptModel(String variable, String model, Tier tier) {
}
