package org.hpacell.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.metric.ClassResult;
import org.hpacell.metric.PrecisionRecallCurve;

/** Per-class AP of every method (table and bars) and per-class precision-recall curves. */
final class AccuracySection {
    private AccuracySection() {
    }

    static void add(HtmlDocument doc, List<MethodEvaluation> methods) {
        doc.section("classes", "Per-class accuracy");
        if (methods.isEmpty()) {
            doc.note("No per-class accuracy: the test folder has no truth.csv, or is unknown (pass --data).");
            return;
        }
        List<Location> classes = new ArrayList<>();
        for (ClassResult c : methods.get(0).result().classes()) {
            if (c.hasTruth()) {
                classes.add(c.location());
            }
        }
        doc.note("Average precision of each class (mask IoU 0.6) on the held-out fields; classes without a true "
                + "cell in the test set have no AP and are left out of the mean.");
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (MethodEvaluation m : methods) {
            List<Double> ap = new ArrayList<>();
            for (Location c : classes) {
                ap.add(m.result().classes().get(c.index()).averagePrecision());
            }
            series.put(m.method(), ap);
        }
        classes.forEach(c -> names.add(c.displayName()));
        doc.image(ReportCharts.bars("Cell-level AP per class", "AP", names, series, 1.0), "per-class AP bars", "chart");
        doc.raw(table(methods, classes));

        doc.heading("Precision-recall curves");
        doc.note("Per class: precision against recall as the confidence threshold falls, made non-increasing "
                + "(the precision reachable at that recall or more); the area under each line is the class's AP.");
        doc.raw(legend(methods));
        StringBuilder grid = new StringBuilder("<div class=\"grid\">");
        for (Location c : classes) {
            Map<String, PrecisionRecallCurve> byMethod = new LinkedHashMap<>();
            methods.forEach(m -> byMethod.put(m.method(), m.curves().get(c)));
            grid.append(HtmlDocument.imageTag(ReportCharts.precisionRecall(c, byMethod),
                    "precision-recall curves of " + c.displayName(), "chart"));
        }
        doc.raw(grid.append("</div>\n").toString());
    }

    private static String table(List<MethodEvaluation> methods, List<Location> classes) {
        StringBuilder sb = new StringBuilder("<table><tr><th>class</th><th>true cells</th>");
        methods.forEach(m -> sb.append("<th>").append(HtmlDocument.escape(m.method())).append("</th>"));
        sb.append("</tr>\n");
        for (Location c : classes) {
            sb.append("<tr><td>").append(ClassSwatch.of(c)).append("</td><td class=\"num\">")
                    .append(methods.get(0).result().classes().get(c.index()).truthInstances()).append("</td>");
            for (MethodEvaluation m : methods) {
                sb.append(String.format(Locale.ROOT, "<td class=\"num\">%.3f</td>",
                        m.result().classes().get(c.index()).averagePrecision()));
            }
            sb.append("</tr>\n");
        }
        sb.append("<tr><td><b>mean (mAP)</b></td><td></td>");
        methods.forEach(m -> sb.append(String.format(Locale.ROOT, "<td class=\"num\"><b>%.4f</b></td>",
                m.result().meanAveragePrecision())));
        return sb.append("</tr>\n</table>\n").toString();
    }

    /** The methods' colours, as the curves use them. */
    static String legend(List<MethodEvaluation> methods) {
        StringBuilder sb = new StringBuilder("<div class=\"legend\">");
        for (int i = 0; i < methods.size(); i++) {
            sb.append("<span><span class=\"swatch\" style=\"background:").append(ReportCharts.seriesCss(i))
                    .append("\"></span>").append(HtmlDocument.escape(methods.get(i).method())).append("</span>");
        }
        return sb.append("</div>\n").toString();
    }
}
