package org.hpacell.cli;

import picocli.CommandLine.Option;

/** Options every hpacell command accepts; mix in with {@code @Mixin CommonOptions common;}. */
public final class CommonOptions {
    @Option(names = {"-v", "--verbose"},
            description = "Print stack traces, debug detail and the engine's own warnings.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.")
    boolean quiet;

    int threads = Runtime.getRuntime().availableProcessors();
    boolean threadsGiven;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: number of cores).")
    void threads(int t) {
        threads = t;
        threadsGiven = true;
    }

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42L;

    public boolean verbose() {
        return verbose;
    }

    /** Whether --threads was given (otherwise a config file's value stands). */
    public boolean threadsGiven() {
        return threadsGiven;
    }

    /** Where commands print stage-by-stage status: standard error, or nowhere when quiet. */
    public java.io.PrintStream log() {
        return quiet ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream()) : System.err;
    }

    public boolean quiet() {
        return quiet;
    }

    public int threads() {
        return Math.max(1, threads);
    }

    public long seed() {
        return seed;
    }

    /** How long jobs of this command show progress: a bar on a terminal, log lines otherwise, nothing when quiet. */
    public org.hpacell.progress.Progress.Factory progress() {
        return ConsoleProgress.factory(this);
    }
}
