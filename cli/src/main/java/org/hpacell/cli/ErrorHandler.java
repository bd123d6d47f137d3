package org.hpacell.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.hpacell.io.IoProblems;
import picocli.CommandLine;

/**
 * Prints a failed command's error as one readable line (the full stack trace only with
 * {@code --verbose}) and maps it to an {@link ExitCodes exit code}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean verbose = verbose(parsed);
        cl.getErr().println("hpacell: error: " + describe(ex));
        if (verbose) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        if (ex instanceof IllegalArgumentException) {
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.FAILURE;
    }

    /**
     * The one-line message of a failure. The JDK's file-system exceptions carry only the path as their
     * message ({@code NoSuchFileException: /a/b}), so for them the problem is spelt out after the path.
     */
    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        if (t instanceof FileSystemException f && f.getFile() != null && f.getReason() == null) {
            String problem = IoProblems.problem(f);
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + problem;
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    /** Whether {@code --verbose} was given to the command or to any of its subcommands. */
    static boolean verbose(CommandLine.ParseResult p) {
        for (CommandLine.ParseResult r = p; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
