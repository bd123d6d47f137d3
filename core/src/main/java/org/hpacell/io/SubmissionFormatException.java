package org.hpacell.io;

import java.nio.file.Path;

/**
 * A malformed submission (or ground-truth) file: the message is {@code "<file>:<line>: <problem>"}.
 */
public class SubmissionFormatException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public SubmissionFormatException(Path file, long line, String problem) {
        super(file, line, problem);
    }
}
