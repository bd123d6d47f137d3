package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void logLinesReportCountTotalAndMessage() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (ConsoleProgress.LogLines p = new ConsoleProgress.LogLines("synth", 40, out)) {
            p.step(10);
            p.step();
            p.message("loss 0.25");
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("synth: 11/40 (28%)"), text);
        assertTrue(text.contains("loss 0.25"), text);
    }

    @Test
    void helpListsTheCommonOptionsOfTheRootCommand() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        HpaCell.commandLine().setOut(new java.io.PrintWriter(buf, true, StandardCharsets.UTF_8)).execute("--help");
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("Usage: hpacell"));
    }
}
