package org.hpacell.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input file that is missing, malformed or inconsistent. The message names the file (and the line,
 * for text files) and the problem, so it can be shown to a user as it is. It is an {@link IOException},
 * so code that already handles I/O failures handles it too.
 */
public class BadInputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final long line;

    /** A problem with a whole file: the message becomes {@code "<path>: <problem>"}. */
    public BadInputException(Path path, String problem) {
        this(path, 0, problem, null);
    }

    /** A problem with a whole file, caused by {@code cause}. */
    public BadInputException(Path path, String problem, Throwable cause) {
        this(path, 0, problem, cause);
    }

    /**
     * A problem at one line of a text file (1-based; 0 = the whole file): the message becomes
     * {@code "<path>:<line>: <problem>"}.
     */
    public BadInputException(Path path, long line, String problem) {
        this(path, line, problem, null);
    }

    private BadInputException(Path path, long line, String problem, Throwable cause) {
        super(path + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.path = path;
        this.line = line;
    }

    /** The offending file. */
    public Path path() {
        return path;
    }

    /** The offending line (1-based), or 0 if the problem concerns the whole file. */
    public long line() {
        return line;
    }
}
