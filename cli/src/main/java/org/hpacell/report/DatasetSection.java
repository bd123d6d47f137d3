package org.hpacell.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hpacell.atlas.Location;
import org.hpacell.io.TrainCsv;

/**
 * How often each class occurs: in the training labels (train.csv), among the test set's true cells, and
 * among the predicted cells (by their most confident class).
 */
final class DatasetSection {
    private DatasetSection() {
    }

    /**
     * @param train      the training folder, if known
     * @param evaluation any evaluation of the test set (for its true cells per class), if any
     * @param predicted  the submission's predicted classes, if any
     * @throws IOException naming the file if train.csv cannot be read
     */
    static void add(HtmlDocument doc, Optional<Path> train, Optional<MethodEvaluation> evaluation,
                    Optional<PredictedClasses> predicted) throws IOException {
        doc.section("dataset", "Dataset");
        Map<String, List<Double>> series = new LinkedHashMap<>();
        Optional<Path> csv = train.map(t -> t.resolve("train.csv")).filter(Files::exists);
        if (csv.isPresent()) {
            TrainCsv labels = TrainCsv.read(csv.get());
            double[] count = new double[Location.COUNT];
            long assigned = 0;
            for (TrainCsv.Row row : labels.rows().values()) {
                for (Location l : row.labels()) {
                    count[l.index()]++;
                    assigned++;
                }
            }
            series.put("training fields with the label (train.csv)", list(count));
            doc.note(String.format(Locale.ROOT, "Training set %s: %d fields, %.2f labels per field on average%s.",
                    train.get(), labels.rows().size(), labels.rows().isEmpty() ? 0.0
                            : (double) assigned / labels.rows().size(),
                    labels.problems().isEmpty() ? "" : ", " + labels.problems().size() + " bad rows left out"));
        } else {
            doc.note("The training folder is unknown or has no train.csv (pass --train): its class distribution "
                    + "is not shown.");
        }
        evaluation.ifPresent(e -> {
            double[] count = new double[Location.COUNT];
            e.result().classes().forEach(c -> count[c.location().index()] = c.truthInstances());
            series.put("test cells of the class (truth.csv)", list(count));
        });
        predicted.ifPresent(p -> {
            double[] count = new double[Location.COUNT];
            for (int c = 0; c < count.length; c++) {
                count[c] = p.top()[c];
            }
            series.put("predicted cells with the class as most confident", list(count));
            doc.note(String.format(Locale.ROOT, "Predictions: %d cells in %d fields; each cell counted once, under "
                    + "its most confident class (the colour of its outline above).", p.cells(), p.fields()));
        });
        if (!series.isEmpty()) {
            List<String> names = new ArrayList<>();
            Location.all().forEach(l -> names.add(l.displayName()));
            doc.image(ReportCharts.bars("Class distribution", "count", names, series, null), "class distribution",
                    "chart");
        }
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }
}
