/**
 * The agent-launch plugin SPI. A plugin implements {@link dev.agentlaunch.api.Integration} as a
 * PF4J extension; the launcher resolves a {@link dev.agentlaunch.api.TierPlan} and asks the
 * integration for the tool's env and args. This package has no I/O, no picocli and no Jackson,
 * and follows semantic versioning: a plugin built against 1.x runs on every 1.y.
 */
package dev.agentlaunch.api;
