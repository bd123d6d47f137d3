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

/** How often each class occurs: in the training labels (train.csv) and among the test set's true cells. */
final class DatasetSection {
    private DatasetSection() {
    }

    /**
     * @param train      the training folder, if known
     * @param evaluation any evaluation of the test set (for its true cells per class), if any
     * @throws IOException naming the file if train.csv cannot be read
     */
    static void add(HtmlDocument doc, Optional<Path> train, Optional<MethodEvaluation> evaluation)
            throws IOException {
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
