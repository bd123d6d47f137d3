package org.hpacell.report;

import static org.hpacell.report.RunReportTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hpacell.atlas.Location;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of predictions alone (the output of {@code hpacell predict} and the data it predicted): the
 * sections a submission supports and no others, its own evaluation, the class distribution of its cells,
 * and a real browser rendering it without console messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredictionsReportTest {
    private static final List<String> SECTIONS = List.of("summary", "fields", "classes", "dataset", "settings");

    Path dir;
    RunFixture fixture;
    Path submission;
    RunReport.Result result;
    String html;

    @BeforeAll
    void makeReport(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fixture = new RunFixture(dir);
        Path predictions = Files.createDirectories(dir.resolve("predictions"));
        submission = predictions.resolve("submission.csv");
        Files.copy(fixture.run.submission(), submission);
        result = RunReport.write(ReportInputs.ofPredictions(predictions, null, fixture.test),
                RunReport.DEFAULT_FIELDS, Progress.Factory.NONE);
        html = Files.readString(result.file());
    }

    @Test
    void onlyTheSectionsPredictionsSupportAreMade() {
        assertEquals(submission.resolveSibling("report.html"), result.file());
        assertEquals(List.of(), result.problems());
        for (String id : SECTIONS) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertFalse(html.contains("<section id=\"training\">"), "no training runs behind predictions");
        assertFalse(html.contains("class activation map"), "no class maps behind predictions");
        assertFalse(html.contains("could not be completed"), html);
        assertTrue(html.contains("Predictions " + submission.toAbsolutePath().normalize()), "subtitle");
    }

    @Test
    void theSummaryAndTheAccuracyTableAreThePredictionsOwnScore() throws Exception {
        String map = String.format(Locale.ROOT, "%.4f", fixture.score(submission));
        assertTrue(html.contains("<td>predictions</td><td class=\"num\">" + map + "</td>"), "summary row " + map);
        assertTrue(html.contains("<td class=\"num\"><b>" + map + "</b></td>"), "accuracy table mAP " + map);
        assertTrue(count(html, "alt=\"precision-recall curves of ") > 0);
    }

    @Test
    void everyCellIsOutlinedAndCountedUnderItsMostConfidentClass() throws Exception {
        int cells = fixture.cellsPerField.stream().mapToInt(Integer::intValue).sum();
        assertEquals(cells, count(html, "<path class=\"cell\""));
        PredictedClasses counted = PredictedClasses.count(submission);
        assertEquals(cells, counted.cells());
        assertEquals(RunFixture.FIELDS, counted.fields());
        // the counts, recomputed here from the top class of each row's cells
        long[] top = new long[Location.COUNT];
        try (SubmissionReader rows = SubmissionReader.open(submission)) {
            for (SubmissionRow row = rows.next(); row != null; row = rows.next()) {
                PredictedCells.of(row).cells().forEach(c -> top[c.top().index()]++);
            }
        }
        assertEquals(java.util.Arrays.toString(top), java.util.Arrays.toString(counted.top()));
        assertTrue(html.contains("Predictions: " + cells + " cells in " + RunFixture.FIELDS + " fields"));
        assertTrue(html.contains("alt=\"class distribution\""));
    }

    @Test
    void withoutDataThePageSaysWhatIsMissing(@TempDir Path tmp) throws Exception {
        Path alone = tmp.resolve("sub.csv");
        Files.copy(submission, alone);
        RunReport.Result r = RunReport.write(ReportInputs.ofPredictions(alone, null, null), 1,
                Progress.Factory.NONE);
        assertEquals(tmp.resolve("report.html"), r.file());
        assertEquals(List.of(), r.problems());
        String page = Files.readString(r.file());
        assertTrue(page.contains("No evaluation"), "summary");
        assertTrue(page.contains("pass --data"), "fields and accuracy");
        assertEquals(1, count(page, "<div class=\"field\""));
    }

    @Test
    void anUnfinishedOrMissingSubmissionIsRefusedWithItsName(@TempDir Path tmp) throws Exception {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ReportInputs.ofPredictions(tmp, null, null));
        assertTrue(none.getMessage().startsWith(tmp + ": no submission here"), none.getMessage());
        Files.createDirectories(tmp.resolve("submission.csv.parts"));
        IllegalArgumentException unfinished = assertThrows(IllegalArgumentException.class,
                () -> ReportInputs.ofPredictions(tmp, null, null));
        assertTrue(unfinished.getMessage().contains("hpacell predict has not finished"), unfinished.getMessage());
    }

    @Test
    void chromiumRendersEverySectionWithoutConsoleMessages() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path scratch = Files.createDirectories(dir.resolve("browser"));
        String dom = chromium.renderChecked(result.file(), scratch, SECTIONS);
        assertEquals(fixture.cellsPerField.stream().mapToInt(Integer::intValue).sum(),
                count(dom, "<path class=\"cell\""), "cells in the rendered SVG");
    }
}
