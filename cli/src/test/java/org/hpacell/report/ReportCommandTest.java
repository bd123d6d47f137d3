package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.cli.HpaCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpacell report} on a demo-shaped folder, and on a folder that is not a run. */
class ReportCommandTest {
    private static final int OK = 0;
    private static final int BAD_INPUT = 3;

    @Test
    void aDemoFolderGetsItsReportWithItsDataFound(@TempDir Path dir) throws Exception {
        RunFixture fixture = new RunFixture(dir); // dir/pipeline and dir/data/{train,test}: a demo's layout
        assertEquals(OK, HpaCell.commandLine().execute("report", "--run", dir.toString(), "--fields", "1", "-q"));
        String html = Files.readString(dir.resolve("report.html"));
        assertEquals(1, html.split("<div class=\"field\"", -1).length - 1, "--fields 1");
        assertTrue(html.contains("Training set " + fixture.train + ": " + RunFixture.FIELDS + " fields"), "train folder found");
        assertTrue(html.contains("<th>true cells</th>"), "test truth found");
        assertFalse(Files.exists(fixture.run.root().resolve("report.html")));
    }

    @Test
    void aFolderThatIsNotARunIsBadInput(@TempDir Path dir) {
        assertEquals(BAD_INPUT, HpaCell.commandLine().execute("report", "--run", dir.toString(), "-q"));
        assertFalse(Files.exists(dir.resolve("report.html")));
    }
}
