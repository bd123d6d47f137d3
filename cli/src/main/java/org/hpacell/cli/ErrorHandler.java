package org.hpacell.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Prints a failed command's error as one readable line (the full stack trace only with
 * {@code --verbose}) and maps it to an {@link ExitCodes exit code}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && anyVerbose(parsed.subcommand()));
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cl.getErr().println("hpacell: error: " + msg);
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

    private static boolean anyVerbose(CommandLine.ParseResult p) {
        for (CommandLine.ParseResult r = p; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
