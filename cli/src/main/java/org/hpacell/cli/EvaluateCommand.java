package org.hpacell.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hpacell.metric.ClassResult;
import org.hpacell.metric.EvaluationResult;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.SubmissionScorer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell evaluate}: the competition metric of a submission against ground truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a submission against ground truth in the same layout: mAP over the 19 classes at IoU "
                + "0.6, as the organisers' Open Images scorer computes it.")
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "T.csv", description = "Ground truth (triples `class 1 mask`).")
    Path truth;

    @Option(names = {"--predictions", "--pred"}, required = true, paramLabel = "P.csv",
            description = "The submission (hpacell predict --out); --pred is its old name.")
    Path pred;

    @Option(names = "--iou", paramLabel = "mask|box", defaultValue = "mask",
            description = "IoU of the masks (default) or of their bounding boxes (as the organisers' script).")
    String iou;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        IouKind kind = IouKind.parse(iou);
        EvaluationResult r = SubmissionScorer.score(truth, pred, kind, common.progress());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(r)));
        } else {
            printTable(r, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Map<String, Object> toJson(EvaluationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mAP", orNull(r.meanAveragePrecision()));
        List<Double> perClass = new ArrayList<>();
        List<Map<String, Object>> classes = new ArrayList<>();
        for (ClassResult c : r.classes()) {
            perClass.add(orNull(c.averagePrecision()));
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("index", c.location().index());
            cm.put("name", c.location().displayName());
            cm.put("truthCells", c.truthInstances());
            cm.put("detections", c.detections());
            cm.put("ignoredDetections", c.ignoredDetections());
            cm.put("truePositives", c.truePositives());
            cm.put("ap", orNull(c.averagePrecision()));
            classes.add(cm);
        }
        m.put("perClassAP", perClass);
        m.put("iou", r.iou().toString());
        m.put("iouThreshold", 0.6);
        m.put("truthFields", r.truthFields());
        m.put("scoredFields", r.scoredFields());
        m.put("truthFieldsWithoutPredictions", r.truthFieldsWithoutPredictions());
        m.put("predictedFieldsNotInTruth", r.fieldsNotInTruth());
        m.put("classes", classes);
        return m;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static void printTable(EvaluationResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "%5s  %-42s %11s %11s %8s%n", "class", "name", "truth cells", "detections", "AP");
        for (ClassResult c : r.classes()) {
            String ap = c.hasTruth() ? String.format(Locale.ROOT, "%.4f", c.averagePrecision()) : "-";
            out.printf(Locale.ROOT, "%5d  %-42s %11d %11d %8s%n", c.location().index(), c.location().displayName(),
                    c.truthInstances(), c.detections(), ap);
        }
        long counted = r.classes().stream().filter(ClassResult::hasTruth).count();
        String map = Double.isNaN(r.meanAveragePrecision()) ? "-"
                : String.format(Locale.ROOT, "%.4f", r.meanAveragePrecision());
        out.printf(Locale.ROOT, "mAP (IoU %s >= 0.6, %d classes with ground truth): %s%n", r.iou(), counted, map);
        out.printf(Locale.ROOT, "fields: %d in truth, %d scored, %d without predictions",
                r.truthFields(), r.scoredFields(), r.truthFieldsWithoutPredictions());
        if (r.fieldsNotInTruth() > 0) {
            out.printf(Locale.ROOT, "; %d predicted fields not in the truth (not scored, e.g. %s)",
                    r.fieldsNotInTruth(), String.join(", ", r.fieldsNotInTruthExamples()));
        }
        out.println();
    }
}
