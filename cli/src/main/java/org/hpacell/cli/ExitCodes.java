package org.hpacell.cli;

/** The exit codes of every hpacell command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The job ran, but some inputs were bad and were skipped (reported at the end). */
    public static final int PARTIAL = 1;
    /** Wrong command-line usage (picocli's own code). */
    public static final int USAGE = 2;
    /** Bad input: a file that is missing, malformed or inconsistent. */
    public static final int BAD_INPUT = 3;
    /** Anything else: an I/O failure or a bug. */
    public static final int FAILURE = 4;

    private ExitCodes() {
    }
}
