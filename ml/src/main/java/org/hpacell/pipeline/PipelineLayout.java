package org.hpacell.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.geojson.GeoJsonExport;
import org.hpacell.metric.GapRecovered;

/**
 * Where each stage of a {@link Pipeline} keeps its outputs under the output folder, so that every
 * intermediate result can be inspected, and a rerun resumes at the first stage without a marker.
 *
 * <pre>
 * OUT/config.json                  the resolved config
 * OUT/segment/{train,test}/cells/ID.png   cell label images (16-bit); nuclei/ID.png beside
 * OUT/stage1/                      the stage-1 run (config, provenance, checkpoints, metrics, curves)
 * OUT/cams/{train,test}/           CAM maps (maps/ID.npz), probabilities.csv; test also submission.csv
 * OUT/pseudo/                      cell_labels.csv (five levels), pixels/ID.npz, preview/
 * OUT/stage2/                      the cell classifier run
 * OUT/submission.csv               the final Kaggle submission
 * OUT/submission-geojson/ID.geojson   its cells for QuPath (one FeatureCollection per field)
 * OUT/oracle/                      the oracle's cell classifier run (when the training folder has truth.csv)
 * OUT/baseline/                    the references beside it: broadcast.csv, cell-classifier.csv, oracle.csv,
 *                                  ceiling.csv (the last two need cell truth)
 * OUT/rule.txt                     the submission's combination rule and why it was chosen
 * OUT/evaluation.json              cell-level mAP per method, when the test set has truth.csv
 * OUT/errors.csv                   the fields left out of the run (ID,error)
 * OUT/.stages/NAME.done            one marker per finished stage
 * OUT/.stages/NAME.json            the stage's identity (inputs, config section, version), from its start
 * OUT/.stages/NAME.errors.csv      the fields the stage left out
 * OUT/.hpacell.lock                the lock of the run writing the folder (pid)
 * </pre>
 */
public record PipelineLayout(Path root) {
    /** Name of the broadcast baseline in the evaluation table. */
    public static final String BROADCAST = GapRecovered.BROADCAST;
    /** Name of the stage-2 cell classifier alone x image in the evaluation table. */
    public static final String CELL_CLASSIFIER = "cell classifier (stage 2) x image";
    /** Name of the oracle in the evaluation table. */
    public static final String ORACLE = "oracle: cell classifier on true cell labels x image";
    /** Name of the pipeline's submission in the evaluation table. */
    public static final String SUBMISSION = "submission (rule chosen on held-out training fields)";

    /** The two datasets a pipeline works on. */
    public enum Split {
        TRAIN("train"), TEST("test");

        private final String folder;

        Split(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    public Path config() {
        return root.resolve("config.json");
    }

    /** The segmentation job's output folder of a split (sub-folders {@code cells/} and {@code nuclei/}). */
    public Path segmentation(Split split) {
        return root.resolve("segment").resolve(split.folder());
    }

    public Path cells(Split split) {
        return segmentation(split).resolve(org.hpacell.segment.SegmentJob.CELLS);
    }

    public Path cellsOf(Split split, String id) {
        return cells(split).resolve(id + ".png");
    }

    public Path stage1() {
        return root.resolve("stage1");
    }

    public Path cams(Split split) {
        return root.resolve("cams").resolve(split.folder());
    }

    /** The test set's cells scored by the stage-1 maps alone (CAM x image probability). */
    public Path camSubmission() {
        return cams(Split.TEST).resolve("submission.csv");
    }

    public Path pseudo() {
        return root.resolve("pseudo");
    }

    public Path stage2() {
        return root.resolve("stage2");
    }

    public Path submission() {
        return root.resolve("submission.csv");
    }

    /** The submission's cells as GeoJSON, one file per field ({@link GeoJsonExport}). */
    public Path submissionGeoJson() {
        return GeoJsonExport.besideSubmission(submission());
    }

    /** The test set's cells each given its field's image probabilities (the broadcast baseline). */
    public Path broadcastSubmission() {
        return root.resolve("baseline").resolve("broadcast.csv");
    }

    /** The test set's cells scored by the stage-2 cell classifier alone x image probability (a reference). */
    public Path cellClassifierSubmission() {
        return root.resolve("baseline").resolve("cell-classifier.csv");
    }

    /**
     * The oracle's run: the same cell classifier trained on the true labels of the training cells (from the
     * training folder's {@code truth.csv}, matched to this segmentation).
     */
    public Path oracle() {
        return root.resolve("oracle");
    }

    /** The test set's cells scored by the oracle alone x image probability (a reference). */
    public Path oracleSubmission() {
        return root.resolve("baseline").resolve("oracle.csv");
    }

    /** The segmentation-limited ceiling: each test cell with its best truth cell's labels at confidence IoU. */
    public Path ceilingSubmission() {
        return root.resolve("baseline").resolve("ceiling.csv");
    }

    /**
     * Every submission a run makes, by the name of its method in the evaluation table, in table order:
     * the two references without stage 2, the cell classifier alone, the pipeline's submission, and the two
     * references that need cell truth (the oracle, the ceiling).
     */
    public Map<String, Path> methodSubmissions() {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put(BROADCAST, broadcastSubmission());
        m.put("CAM x image", camSubmission());
        m.put(CELL_CLASSIFIER, cellClassifierSubmission());
        m.put(SUBMISSION, submission());
        m.put(ORACLE, oracleSubmission());
        m.put(GapRecovered.CEILING, ceilingSubmission());
        return m;
    }

    /** The submission's combination rule, chosen on held-out training fields, and why (one line). */
    public Path ruleChoice() {
        return root.resolve("rule.txt");
    }

    public Path evaluation() {
        return root.resolve("evaluation.json");
    }

    /** The fields the run left out, each with its error ({@code ID,error}). */
    public Path errors() {
        return root.resolve("errors.csv");
    }

    public Path marker(String stage) {
        return root.resolve(".stages").resolve(stage + ".done");
    }
}
