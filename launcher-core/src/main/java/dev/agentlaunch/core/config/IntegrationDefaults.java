package dev.agentlaunch.core.config;

/**
 * What the config says for one integration when the command line does not.
 *
 * @param profile the profile used when no {@code --profile} is given, or null
 */
public record IntegrationDefaults(String profile) {
}
