package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a small hand-made pipeline folder ({@link RunFixture}): what the page holds, that it is
 * self-contained, and that a real browser renders it without console messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunReportTest {
    private static final List<String> SECTIONS = List.of("summary", "fields", "classes", "training", "dataset",
            "settings");
    private static final Pattern DATA_PNG = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

    Path dir;
    RunFixture fixture;
    RunReport.Result result;
    String html;

    @BeforeAll
    void makeReport(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fixture = new RunFixture(dir);
        result = RunReport.write(ReportInputs.ofPipeline(fixture.run.root(), fixture.train, fixture.test),
                RunReport.DEFAULT_FIELDS, Progress.Factory.NONE);
        html = Files.readString(result.file());
    }

    @Test
    void everySectionIsMadeWithoutProblems() {
        assertEquals(fixture.run.root().resolve("report.html"), result.file());
        assertEquals(List.of(), result.problems());
        for (String id : SECTIONS) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
            assertTrue(html.contains("href=\"#" + id + "\""), "navigation to " + id);
        }
        assertFalse(html.contains("could not be completed"), html);
    }

    @Test
    void everyCellOfEveryFieldIsOutlinedWithItsConfidences() {
        assertEquals(fixture.cellsPerField.stream().mapToInt(Integer::intValue).sum(), count(html,
                "<path class=\"cell\""));
        assertEquals(RunFixture.FIELDS, count(html, "<div class=\"field\""));
        assertEquals(2 * RunFixture.FIELDS, count(html, "alt=\"class activation map of "));
        assertTrue(html.contains("<title>Cell 1\n"), "hover text");
    }

    @Test
    void theAccuracyTableReportsTheScorersMeanAp() throws Exception {
        Matcher m = Pattern.compile("<td><b>mean \\(mAP\\)</b></td><td></td>"
                + "((?:<td class=\"num\"><b>[0-9.]+</b></td>)+)").matcher(html);
        assertTrue(m.find(), "no mAP row");
        String expected = String.format(Locale.ROOT, "<b>%.4f</b></td><td class=\"num\"><b>%.4f</b></td>"
                        + "<td class=\"num\"><b>%.4f</b>", fixture.score(fixture.run.broadcastSubmission()),
                fixture.score(fixture.run.camSubmission()), fixture.score(fixture.run.submission()));
        assertTrue(m.group(1).contains(expected), m.group(1) + " vs " + expected);
        // the summary shows evaluation.json's three methods
        assertTrue(html.contains(String.format(Locale.ROOT, "%.4f", fixture.score(fixture.run.submission()))));
        // one precision-recall chart per class with truth in the test set
        assertTrue(count(html, "alt=\"precision-recall curves of ") > 0);
    }

    @Test
    void thePageIsSelfContainedAndItsPicturesDecode() throws Exception {
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("<link"), "no external style");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:|#)").matcher(html).find(), "every resource inline");
        Matcher m = DATA_PNG.matcher(html);
        int pictures = 0;
        while (m.find()) {
            BufferedImage im = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(im, "picture " + pictures + " does not decode");
            assertTrue(im.getWidth() > 0 && im.getHeight() > 0);
            pictures++;
        }
        // per field: overlay + 2 maps; AP bars; PR charts; 2 training runs; class distribution
        assertTrue(pictures >= 3 * RunFixture.FIELDS + 1 + 1 + 2 + 1, pictures + " pictures");
    }

    @Test
    void chromiumRendersEverySectionWithoutConsoleMessages() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path scratch = Files.createDirectories(dir.resolve("browser"));
        String dom = chromium.renderChecked(result.file(), scratch, SECTIONS);
        assertEquals(fixture.cellsPerField.stream().mapToInt(Integer::intValue).sum(),
                count(dom, "<path class=\"cell\""), "cells in the rendered SVG");

        Path shot = scratch.resolve("report.png");
        HeadlessChromium.Run screenshot = chromium.open(result.file(), scratch, "--screenshot=" + shot,
                "--window-size=1400,2000");
        assertEquals(0, screenshot.exitCode(), screenshot.stderr());
        BufferedImage im = ImageIO.read(shot.toFile());
        assertEquals(1400, im.getWidth());
        assertTrue(distinctColours(im) > 500, "the screenshot looks blank: " + distinctColours(im) + " colours");
    }

    @Test
    void theConsoleCheckCatchesAFaultyPage() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path scratch = Files.createDirectories(dir.resolve("faulty"));
        Path page = scratch.resolve("faulty.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>");
        HeadlessChromium.Run run = chromium.open(page, scratch, "--dump-dom");
        assertEquals(1, run.consoleMessages().size(), run.stderr());
        assertTrue(run.consoleMessages().get(0).contains("Uncaught ReferenceError"), run.consoleMessages().get(0));
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static int distinctColours(BufferedImage im) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < im.getHeight(); y += 2) {
            for (int x = 0; x < im.getWidth(); x += 2) {
                colours.add(im.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
