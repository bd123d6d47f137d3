package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The exit code and captured output of one {@code hpacell} invocation, for command tests. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = HpaCell.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Runs {@code args}, checks the exit code, and returns everything printed (stdout, then stderr). */
    static String expect(int expectedCode, String... args) {
        CommandRun r = of(args);
        assertEquals(expectedCode, r.exitCode(), r.out() + "\n" + r.err());
        return r.out() + r.err();
    }
}
