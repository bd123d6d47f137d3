package org.hpacell.cli;

/**
 * A command that runs the native engine. Before it runs, the engine loads with its logging set for the
 * run ({@link EngineLogging}): quiet by default, its warnings shown with {@code --verbose}.
 */
interface UsesEngine {
    /** Whether this invocation, as parsed, needs the engine (default: always). */
    default boolean usesEngine() {
        return true;
    }
}
