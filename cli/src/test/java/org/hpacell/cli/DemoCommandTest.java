package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code hpacell demo --quick} end to end (and so {@code pipeline}), then again to check it resumes. */
class DemoCommandTest {
    /** A summary row: method, mAP, gap recovered (a percentage, or "-" where there is no ceiling). */
    private static final Pattern ROW = Pattern.compile("^\\| (.+) \\| (\\d\\.\\d{4}) \\| (-?\\d+%|-) \\|$",
            Pattern.MULTILINE);

    @Test
    void quickDemoRunsEveryStageAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        String[] args = {"demo", "--quick", "--out", out.toString(), "--threads", "2"};
        assertEquals(ExitCodes.OK, HpaCell.commandLine().execute(args));

        String summary = Files.readString(out.resolve("summary.md"));
        Matcher m = ROW.matcher(summary);
        int rows = 0;
        while (m.find()) {
            double map = Double.parseDouble(m.group(2));
            assertTrue(map > 0.05 && map <= 1.0, "implausible mAP in " + summary);
            rows++;
        }
        // broadcast, CAM, cell classifier, submission, oracle and the ceiling, each with its gap recovered
        assertEquals(6, rows, summary);
        assertTrue(summary.contains("broadcast") && summary.contains("oracle") && summary.contains("ceiling")
                && summary.contains("| 100% |"), summary);

        // every test field has a row, with all 19 classes for every cell
        Path submission = out.resolve("pipeline/submission.csv");
        int fields = 0;
        try (SubmissionReader r = SubmissionReader.open(submission)) {
            for (SubmissionRow row = r.next(); row != null; row = r.next()) {
                fields++;
                assertEquals(0, row.predictions().size() % 19, "classes per cell in " + row.id());
                assertTrue(row.predictions().size() > 0, "no cells found in " + row.id());
            }
        }
        try (var s = Files.list(out.resolve("data/test"))) {
            long ids = s.filter(p -> p.getFileName().toString().endsWith("_red.png")).count();
            assertEquals(ids, fields);
        }
        // the report is written at the end, with the per-class accuracy of the held-out fields
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<section id=\"classes\">") && report.contains("<th>true cells</th>"), "report");
        for (String stage : List.of("segment", "stage1", "cams", "pseudo", "stage2", "oracle", "predict")) {
            assertTrue(Files.exists(out.resolve("pipeline/.stages/" + stage + ".done")), stage);
        }

        // a rerun skips every finished stage and reports the same numbers
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCodes.OK, HpaCell.commandLine().execute(args));
        } finally {
            System.setErr(err);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[stage1] done before, skipped"), text);
        assertTrue(!text.contains("redoing"), text);
        assertEquals(summary, Files.readString(out.resolve("summary.md")));
    }
}
