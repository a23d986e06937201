package dev.agentlaunch.core.auto;

import java.util.List;

/**
 * Lists the models a server offers, for {@code --auto} and the picker. One implementation per way of
 * asking a server; the selection itself ({@link AutoSelector}) never talks to one.
 */
public interface ModelCatalog {
    /**
     * Every model the server offers, in any order (the selection never depends on it).
     *
     * @throws dev.agentlaunch.core.LauncherException exit 3 when the server cannot be asked
     */
    List<ModelCandidate> list();
}
