package org.hpacell.report;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.train.CurvesPlot;
import org.hpacell.train.EpochMetrics;
import org.hpacell.train.MetricsLog;
import org.hpacell.train.RunDirectory;

/** The training curves (loss, validation macro AP) of each training run of the pipeline. */
final class TrainingSection {
    private TrainingSection() {
    }

    /**
     * @param runs training run folders by title, in order
     * @throws IOException naming the file if a metrics log cannot be read
     */
    static void add(HtmlDocument doc, Map<String, RunDirectory> runs) throws IOException {
        doc.section("training", "Training");
        doc.note("Per epoch: mean training loss and validation loss (left), and the validation macro average "
                + "precision over the classes (right); the stage-1 network is validated on image labels, the cell "
                + "classifiers on their cell targets.");
        boolean any = false;
        for (Map.Entry<String, RunDirectory> e : runs.entrySet()) {
            RunDirectory run = e.getValue();
            if (!Files.exists(run.metricsCsv())) {
                continue;
            }
            List<EpochMetrics> rows = MetricsLog.resume(run.metricsCsv(), Integer.MAX_VALUE).rows();
            if (rows.isEmpty()) {
                continue;
            }
            any = true;
            EpochMetrics best = rows.get(0);
            double seconds = 0;
            for (EpochMetrics m : rows) {
                seconds += m.seconds();
                boolean better = Double.isNaN(best.valMacroAp()) || m.valMacroAp() > best.valMacroAp();
                if (!Double.isNaN(m.valMacroAp()) && better) {
                    best = m;
                }
            }
            doc.heading(e.getKey());
            doc.note(String.format(Locale.ROOT, "%d epochs in %.0f s; best validation macro AP %.4f at epoch %d. "
                    + "Folder: %s", rows.size(), seconds, best.valMacroAp(), best.epoch(), run.root()));
            doc.image(DataUri.png(CurvesPlot.image(rows, "Validation macro AP")), "training curves of " + e.getKey(), "curves");
        }
        if (!any) {
            doc.note("No training run has written metrics yet.");
        }
    }
}
