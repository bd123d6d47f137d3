package org.hpacell.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Prints a usage error (unknown option, missing or bad value) as one line naming the problem, any
 * "did you mean" suggestions picocli has, and where the options are described - not the whole usage,
 * which would bury the line that matters. Returns {@link ExitCodes#USAGE}.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("hpacell: error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("See '" + cl.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
