package org.hpacell.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hpacell.metric.GapRecovered;

/** The headline: the cell-level mAP of each method evaluated, the best marked. */
final class SummarySection {
    private SummarySection() {
    }

    /** What the methods of a pipeline run are. */
    static final String RUN_METHODS = "\"image labels broadcast\" gives every cell its field's image probabilities; "
            + "\"CAM x image\" scores cells by the stage-1 class maps; \"cell classifier (stage 2) x image\" by the "
            + "stage-2 cell classifier alone; the \"submission\" row is the pipeline's submission (the combination "
            + "rule chosen on held-out training fields, rule.txt); the oracle (when the training folder has "
            + "truth.csv) is the same cell classifier trained on the true labels of the training cells.";

    /**
     * The summary of a pipeline run.
     *
     * @param evaluationJson the pipeline's evaluation (may be missing)
     * @param summaryMd      the demo's summary table, if any
     * @throws IOException naming the file if one exists but cannot be read
     */
    static void add(HtmlDocument doc, Path evaluationJson, Optional<Path> summaryMd) throws IOException {
        add(doc, SummaryTable.read(evaluationJson, summaryMd), "the run has not reached its end", RUN_METHODS);
    }

    /**
     * @param cellMap  mAP by method, in table order (empty when nothing was evaluated)
     * @param unfinished why there may be no evaluation besides missing truth
     * @param methods  what the methods are
     */
    static void add(HtmlDocument doc, Map<String, Double> cellMap, String unfinished, String methods) {
        doc.section("summary", "Summary");
        if (cellMap.isEmpty()) {
            doc.note("No evaluation: the test folder has no truth.csv (or " + unfinished + "), so "
                    + "there is no cell-level mAP to show. The predictions are below.");
            return;
        }
        doc.note("Cell-level mean average precision over the 19 classes at mask IoU 0.6 (the HPA single-cell "
                + "challenge metric) of each method on the held-out fields. " + methods);
        Map<String, Double> gap = GapRecovered.all(cellMap);
        if (!gap.isEmpty()) {
            doc.note("Gap recovered: the share of the distance from broadcasting the image labels to the "
                    + "segmentation-limited ceiling (each segmented cell given the labels of the true cell it "
                    + "overlaps most, at confidence equal to the IoU) that a method closes.");
        }
        double best = cellMap.entrySet().stream().filter(e -> !e.getKey().equals(GapRecovered.CEILING))
                .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
        StringBuilder sb = new StringBuilder("<table><tr><th>method</th><th>cell mAP@0.6</th>"
                + (gap.isEmpty() ? "" : "<th>gap recovered</th>") + "</tr>\n");
        cellMap.forEach((name, map) -> sb.append(map == best ? "<tr class=\"best\">" : "<tr>").append("<td>")
                .append(HtmlDocument.escape(name)).append(String.format(Locale.ROOT, "</td><td class=\"num\">%.4f"
                        + "</td>", map)).append(gap.isEmpty() ? "" : gap.containsKey(name)
                        ? String.format(Locale.ROOT, "<td class=\"num\">%.0f%%</td>", 100 * gap.get(name))
                        : "<td></td>").append("</tr>\n"));
        doc.raw(sb.append("</table>\n").toString());
    }
}
