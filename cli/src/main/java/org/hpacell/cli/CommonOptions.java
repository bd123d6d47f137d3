package org.hpacell.cli;

import picocli.CommandLine.Option;

/** Options every hpacell command accepts; mix in with {@code @Mixin CommonOptions common;}. */
public final class CommonOptions {
    @Option(names = {"-v", "--verbose"}, description = "Print stack traces and debug detail.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42L;

    public boolean verbose() {
        return verbose;
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
