package org.hpacell.cam.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.cam.CamExtractor;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamModel;
import org.hpacell.cam.TtaPlan;
import org.hpacell.cam.cell.CellPooling;
import org.hpacell.cam.cell.CellPredictions;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.cam.fcan.FcanBatchBuilder;
import org.hpacell.cam.fcan.FcanObjective;
import org.hpacell.cam.puzzle.PuzzleCamObjective;
import org.hpacell.cam.sccam.ScCamTraining;
import org.hpacell.image.LabelObject;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionRow;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.MapEvaluator;
import org.hpacell.nn.Architectures;
import org.hpacell.progress.Progress;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.PluginConfig;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;
import org.hpacell.predict.CombinationRule;

/**
 * Trains CAM, Puzzle-CAM, SC-CAM, SC-CAM + Puzzle and FCAN on one synthetic atlas (same fields, backbone,
 * epochs, image size and seed) and scores each at cell level (mAP at mask IoU 0.6) on held-out synthetic
 * fields whose true cell masks are given, so only the class scores differ. The baseline broadcasts the
 * image probabilities to every cell; CAM + TTA reuses the CAM model. SC-CAM shares its round 0 with the
 * CAM run and SC-CAM + Puzzle with the Puzzle run (one clustering round each, K = 10).
 *
 * <p>Usage: {@code MethodsBenchmark OUT [trainFields testFields fieldSize imageSize epochs seed threads]}
 * (defaults 96 24 256 128 6 7 2). Prints a Markdown table and writes it to {@code OUT/methods.md}.
 */
public final class MethodsBenchmark {
    private MethodsBenchmark() {
    }

    /** One row of the table. */
    record Row(String method, double map, double trainSeconds, String notes) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MethodsBenchmark OUT [trainFields testFields fieldSize imageSize epochs seed threads]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int train = arg(args, 1, 96), test = arg(args, 2, 24), fieldSize = arg(args, 3, 256);
        int imageSize = arg(args, 4, 128), epochs = arg(args, 5, 6), seed = arg(args, 6, 7), threads = arg(args, 7, 2);

        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(seed, train + test, fieldSize, 8));
        List<FieldSample> trainFields = new ArrayList<>();
        List<SyntheticField> testFields = new ArrayList<>();
        for (int i = 0; i < train + test; i++) {
            SyntheticField f = gen.generate(i);
            if (i < train) {
                trainFields.add(new InMemorySample(f.image(), f.imageLabels(), f.cells()));
            } else {
                testFields.add(f);
            }
        }
        TrainConfig base = new TrainConfig();
        base.model = "small";
        base.seed = seed;
        base.epochs = epochs;
        base.batchSize = 8;
        base.imageSize = imageSize;
        base.engineThreads = threads;
        base.loaderThreads = 1;

        List<Row> rows = new ArrayList<>();
        Map<String, Path> runs = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        runs.put("cam", train(base, "classifier", "images", out.resolve("sccam/round0"), trainFields, seconds, "cam"));
        runs.put("puzzle", train(base, PuzzleCamObjective.NAME, "images", out.resolve("sccam-puzzle/round0"),
                trainFields, seconds, "puzzle"));
        runs.put("sccam", sc(base, "classifier", out.resolve("sccam"), trainFields, seconds));
        runs.put("sccam-puzzle", sc(base, PuzzleCamObjective.NAME, out.resolve("sccam-puzzle"), trainFields, seconds));
        runs.put("fcan", train(base, FcanObjective.NAME, FcanBatchBuilder.NAME, out.resolve("fcan"), trainFields,
                seconds, "fcan"));

        CellScorer product = CellScorer.defaults();
        rows.add(new Row("image labels broadcast (baseline)", score(runs.get("cam"), testFields, TtaPlan.none(),
                new CellScorer(CellPooling.mean(), new CombinationRule.ImageOnly())), seconds.get("cam"), "CAM model's image probabilities"));
        rows.add(new Row("CAM", score(runs.get("cam"), testFields, TtaPlan.none(), product), seconds.get("cam"), ""));
        rows.add(new Row("CAM + TTA", score(runs.get("cam"), testFields, TtaPlan.standard(), product), seconds.get("cam"),
                "4 flips x 3 scales"));
        rows.add(new Row("Puzzle-CAM", score(runs.get("puzzle"), testFields, TtaPlan.none(), product),
                seconds.get("puzzle"), ""));
        rows.add(new Row("SC-CAM", score(runs.get("sccam"), testFields, TtaPlan.none(), product),
                seconds.get("cam") + seconds.get("sccam"), "round 0 = the CAM run"));
        rows.add(new Row("SC-CAM + Puzzle", score(runs.get("sccam-puzzle"), testFields, TtaPlan.none(), product),
                seconds.get("puzzle") + seconds.get("sccam-puzzle"), "round 0 = the Puzzle run"));
        rows.add(new Row("FCAN", score(runs.get("fcan"), testFields, TtaPlan.none(), product), seconds.get("fcan"), ""));

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Synthetic atlas (hpa preset, seed %d): %d training fields, %d test fields, "
                + "%d px; backbone small at %d px, %d epochs, batch 8, focal loss; cells scored by mean map x image "
                + "probability on the true cell masks.%n%n", seed, train, test, fieldSize, imageSize, epochs));
        md.append("| method | cell mAP@0.6 | training s | notes |\n|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.0f | %s |%n", r.method(), r.map(), r.trainSeconds(),
                    r.notes()));
        }
        System.out.print(md);
        AtomicFiles.writeString(out.resolve("methods.md"), md.toString());
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static Path train(TrainConfig base, String objective, String builder, Path run, List<FieldSample> data,
                              Map<String, Double> seconds, String key) throws IOException {
        TrainConfig c = org.hpacell.train.config.ConfigFiles.copy(base);
        c.objective = new PluginConfig(objective);
        c.batchBuilder = new PluginConfig(builder);
        long t0 = System.nanoTime();
        TrainingLoop.fromConfig(c, new RunDirectory(run), Architectures::create, Progress.Factory.NONE).run(data, false);
        seconds.put(key, (System.nanoTime() - t0) / 1e9);
        System.err.printf(Locale.ROOT, "%s trained in %.0f s%n", key, seconds.get(key));
        return run;
    }

    private static Path sc(TrainConfig base, String parent, Path root, List<FieldSample> data,
                           Map<String, Double> seconds) throws IOException {
        TrainConfig c = org.hpacell.train.config.ConfigFiles.copy(base);
        c.objective = new PluginConfig(ScCamTraining.NAME);
        c.objective.options.put("parent", parent);
        long t0 = System.nanoTime();
        Path last = ScCamTraining.run(c, root, Architectures::create, data, Progress.Factory.NONE);
        String key = root.getFileName().toString();
        seconds.put(key, (System.nanoTime() - t0) / 1e9);
        System.err.printf(Locale.ROOT, "%s trained in %.0f s%n", key, seconds.get(key));
        return last;
    }

    /** Cell-level mAP of a run's CAM scores on the test fields, with their true cells. */
    static double score(Path run, List<SyntheticField> fields, TtaPlan plan, CellScorer scorer) throws IOException {
        MapEvaluator eval = new MapEvaluator(IouKind.MASK);
        try (CamModel model = CamModel.load(run, Architectures::create)) {
            CamExtractor extractor = new CamExtractor(model.classifier(), plan);
            for (SyntheticField f : fields) {
                eval.addTruth(truth(f));
            }
            for (SyntheticField f : fields) {
                CamMaps maps;
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray x = model.input(f.image(), m);
                    maps = extractor.extract(f.id(), x, f.image().width(), f.image().height());
                }
                eval.addPrediction(CellPredictions.row(f.id(), f.cells(), scorer.score(maps, f.cells())));
            }
        }
        return eval.result().meanAveragePrecision();
    }

    /** The truth row of a synthetic field: each cell once per class it has. */
    public static SubmissionRow truth(SyntheticField f) {
        List<Prediction> p = new ArrayList<>();
        for (LabelObject cell : f.cells().objects()) {
            String mask = MaskCodec.encode(f.cells().mask(cell));
            LabelSet labels = f.labelsOf(cell.id());
            for (Location l : Location.values()) {
                if (labels.contains(l)) {
                    p.add(new Prediction(l.index(), 1, mask));
                }
            }
        }
        return new SubmissionRow(f.id(), f.image().width(), f.image().height(), p);
    }
}
