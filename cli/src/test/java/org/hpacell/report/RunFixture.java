package org.hpacell.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hpacell.atlas.Location;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.image.LabelImage;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.SubmissionWriter;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.SubmissionScorer;
import org.hpacell.pipeline.Pipeline;
import org.hpacell.pipeline.PipelineConfig;
import org.hpacell.pipeline.PipelineLayout;
import org.hpacell.pipeline.PipelineLayout.Split;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.hpacell.train.EpochMetrics;
import org.hpacell.train.MetricsLog;
import org.hpacell.train.RunDirectory;

/**
 * A small pipeline output folder made in seconds, without training: a synthetic atlas for the train and
 * test folders (test with truth.csv), the true cells as the segmentation, seeded random cell scores for
 * the three submissions, random class maps, two metrics logs, provenance, markers and evaluation.json
 * computed with the real scorer.
 */
final class RunFixture {
    static final int FIELDS = 3;
    static final int SIZE = 96;

    final Path train;
    final Path test;
    final PipelineLayout run;
    /** The cells drawn per test field. */
    final List<Integer> cellsPerField = new ArrayList<>();

    RunFixture(Path dir) throws IOException {
        train = dir.resolve("data/train");
        test = dir.resolve("data/test");
        run = new PipelineLayout(dir.resolve("pipeline"));
        new SynthDataset(SynthParams.defaults(5, FIELDS, SIZE, 8)).write(train, 1, Progress.NONE, null, 0);
        new SynthDataset(SynthParams.defaults(6, FIELDS, SIZE, 8)).write(test, 1, Progress.NONE, null, 0);
        PipelineConfig.defaults().write(run.config());
        Random rnd = new Random(11);
        HpaDataset data = HpaDataset.open(test, HpaDataset.LabelPolicy.OPTIONAL);
        try (SubmissionWriter fin = SubmissionWriter.open(run.submission());
             SubmissionWriter cam = SubmissionWriter.open(run.camSubmission());
             SubmissionWriter broadcast = SubmissionWriter.open(run.broadcastSubmission())) {
            for (String id : data.ids()) {
                LabelImage cells = ImageFiles.readLabels(SynthDataset.cellsPath(test, id));
                ImageFiles.writeLabels(run.cellsOf(Split.TEST, id), cells);
                cellsPerField.add(cells.objects().size());
                for (SubmissionWriter w : List.of(fin, cam, broadcast)) {
                    w.writeCells(id, cells, cell -> scores(rnd));
                }
                float[] maps = new float[Location.COUNT * SIZE * SIZE];
                for (int i = 0; i < maps.length; i++) {
                    maps[i] = rnd.nextFloat();
                }
                float[] p = new float[Location.COUNT];
                for (int c = 0; c < p.length; c++) {
                    p[c] = rnd.nextFloat();
                }
                CamMapsFile.write(CamMapsFile.of(run.cams(Split.TEST).resolve("maps"), id),
                        new CamMaps(id, SIZE, SIZE, maps, p));
            }
            fin.commit();
            cam.commit();
            broadcast.commit();
        }
        metrics(new RunDirectory(run.stage1()), 3);
        metrics(new RunDirectory(run.stage2()), 2);
        AtomicFiles.writeString(new RunDirectory(run.stage1()).provenance(),
                "{\"seed\": 42, \"gitCommit\": \"unknown\", \"engine\": \"PyTorch 2.7.1\", \"cores\": 2}\n");
        for (String stage : Pipeline.STAGES) {
            AtomicFiles.writeString(run.marker(stage), Instant.now() + "\n");
        }
        AtomicFiles.writeString(run.evaluation(), String.format(Locale.ROOT,
                "{\"iou\": \"mask\", \"threshold\": 0.6, \"cellMap\": {\"image labels broadcast\": %.6f, "
                        + "\"CAM x image\": %.6f, \"cell classifier (stage 2) x image\": %.6f}}\n",
                score(run.broadcastSubmission()), score(run.camSubmission()), score(run.submission())));
    }

    /** The real mAP of a submission against the test truth. */
    double score(Path submission) throws IOException {
        return SubmissionScorer.score(test.resolve(SynthDataset.TRUTH_CSV), submission, IouKind.MASK,
                Progress.Factory.NONE).meanAveragePrecision();
    }

    private static double[] scores(Random rnd) {
        double[] s = new double[Location.COUNT];
        for (int c = 0; c < s.length; c++) {
            s[c] = rnd.nextDouble();
        }
        return s;
    }

    private static void metrics(RunDirectory dir, int epochs) throws IOException {
        MetricsLog log = new MetricsLog(dir.metricsCsv());
        double[] ap = new double[Location.COUNT];
        for (int e = 1; e <= epochs; e++) {
            java.util.Arrays.fill(ap, 0.2 * e);
            log.append(new EpochMetrics(e, 1e-3, 1.0 / e, Map.of(), 1.2 / e, 0.2 * e, ap.clone(), 1.5));
        }
    }
}
