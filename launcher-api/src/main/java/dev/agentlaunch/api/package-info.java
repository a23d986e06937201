/**
 * The agent-launch plugin SPI. A plugin implements {@link dev.agentlaunch.api.Integration} as a
 * PF4J extension; the launcher resolves a {@link dev.agentlaunch.api.TierPlan} and asks the
 * integration for the tool's env and args. This package has no I/O, no picocli and no Jackson,
 * and follows semantic versioning: a plugin built against 1.x runs on every 1.y.
 *
 * <p>The plugin authors' toolbox (since 1.2): {@link dev.agentlaunch.api.Json} (JSON through the
 * launcher's own parser and generator), {@link dev.agentlaunch.api.Toml},
 * {@link dev.agentlaunch.api.ToolChecks}; tests use the kit in launcher-core's test-jar
 * ({@code dev.agentlaunch.core.testkit}, {@code dev.agentlaunch.core.sim}).
 *
 * <p>Model servers (since 1.2): a plugin adds a kind with {@link dev.agentlaunch.api.ModelServer};
 * since 1.3 a kind can also pull ({@link dev.agentlaunch.api.ModelServer#pull}, streaming through
 * {@link dev.agentlaunch.api.ServerConnection#stream}, progress as {@link dev.agentlaunch.api.PullEvent}).
 */
package dev.agentlaunch.api;
