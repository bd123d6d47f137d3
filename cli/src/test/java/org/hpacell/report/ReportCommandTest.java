package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hpacell.cli.HpaCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpacell report} on a demo-shaped folder, and on a folder that is not a run. */
class ReportCommandTest {
    private static final int OK = 0;
    private static final int PARTIAL = 1;
    private static final int BAD_INPUT = 3;

    @Test
    void aDemoFolderGetsItsReportWithItsDataFound(@TempDir Path dir) throws Exception {
        RunFixture fixture = new RunFixture(dir); // dir/pipeline and dir/data/{train,test}: a demo's layout
        assertEquals(OK, HpaCell.commandLine().execute("report", "--run", dir.toString(), "--fields", "1", "-q"));
        String html = Files.readString(dir.resolve("report.html"));
        assertEquals(1, html.split("<div class=\"field\"", -1).length - 1, "--fields 1");
        assertTrue(html.contains("Training set " + fixture.train + ": " + RunFixture.FIELDS + " fields"),
                "train folder found");
        assertTrue(html.contains("<th>true cells</th>"), "test truth found");
        assertFalse(Files.exists(fixture.run.root().resolve("report.html")));
    }

    @Test
    void aFieldThatCannotBeDrawnIsReportedAndTheOthersAreDrawn(@TempDir Path dir) throws Exception {
        RunFixture fixture = new RunFixture(dir);
        Files.writeString(fixture.run.submission(), "bad-field,96,96,0 0.5 AAAA\n", StandardOpenOption.APPEND);
        assertEquals(PARTIAL, HpaCell.commandLine().execute("report", "--run", dir.toString(), "-q"));
        String html = Files.readString(dir.resolve("report.html"));
        assertEquals(RunFixture.FIELDS, html.split("<div class=\"field\"", -1).length - 1);
        assertTrue(html.contains("1 field(s) could not be drawn: bad-field: "), "the failure is on the page");
    }

    @Test
    void aFolderThatIsNotARunIsBadInput(@TempDir Path dir) {
        assertEquals(BAD_INPUT, HpaCell.commandLine().execute("report", "--run", dir.toString(), "-q"));
        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    @Test
    void predictionsGetTheirReportBesideTheSubmission(@TempDir Path dir) throws Exception {
        RunFixture fixture = new RunFixture(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.copy(fixture.run.submission(), out.resolve("predicted.csv"));
        assertEquals(OK, HpaCell.commandLine().execute("report", "--predictions", out.resolve("predicted.csv")
                .toString(), "--data", fixture.test.toString(), "--fields", "2", "-q"));
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(2, html.split("<div class=\"field\"", -1).length - 1, "--fields 2");
        assertTrue(html.contains("<th>true cells</th>"), "truth of --data found");
        // --test is the old name of --data
        assertEquals(OK, HpaCell.commandLine().execute("report", "--predictions", out.resolve("predicted.csv")
                .toString(), "--test", fixture.test.toString(), "-q"));
    }

    @Test
    void runAndPredictionsTogetherOrNeitherAreUsageErrors(@TempDir Path dir) {
        int usage = HpaCell.commandLine().execute("report", "-q");
        assertEquals(usage, HpaCell.commandLine().execute("report", "--run", dir.toString(), "--predictions",
                dir.toString(), "-q"));
        assertTrue(usage != OK && usage != PARTIAL && usage != BAD_INPUT, "usage error code " + usage);
    }

    @Test
    void aFolderWithoutSubmissionIsBadInput(@TempDir Path dir) {
        assertEquals(BAD_INPUT, HpaCell.commandLine().execute("report", "--predictions", dir.toString(), "-q"));
        assertFalse(Files.exists(dir.resolve("report.html")));
    }
}
