package org.hpacell.io;

import java.nio.file.Path;

/** A malformed submission (or ground-truth) file: the message names the file and line. */
public class SubmissionFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    public SubmissionFormatException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The 1-based line number (1 = the header). */
    public long line() {
        return line;
    }
}
