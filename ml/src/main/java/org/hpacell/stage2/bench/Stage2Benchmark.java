package org.hpacell.stage2.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.CamExtractor;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.TtaPlan;
import org.hpacell.cam.bench.MethodsBenchmark;
import org.hpacell.cam.cell.CellPredictions;
import org.hpacell.cam.cell.CellPooling;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.io.AtomicFiles;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.MapEvaluator;
import org.hpacell.nn.Architectures;
import org.hpacell.predict.CellScoreEnsemble;
import org.hpacell.predict.CombinationRule;
import org.hpacell.progress.Progress;
import org.hpacell.pseudo.CellGrader;
import org.hpacell.pseudo.CellPseudoLabels;
import org.hpacell.pseudo.ClassMaps;
import org.hpacell.pseudo.Grade;
import org.hpacell.pseudo.PixelPseudoLabeler;
import org.hpacell.pseudo.PixelPseudoLabels;
import org.hpacell.pseudo.PseudoLabelConfig;
import org.hpacell.stage2.CellClassifierScorer;
import org.hpacell.stage2.CellCropper;
import org.hpacell.stage2.CellSamples;
import org.hpacell.stage2.CellTargets;
import org.hpacell.stage2.PixelTargetBatchBuilder;
import org.hpacell.stage2.SegmentationObjective;
import org.hpacell.stage2.SegmenterClassifier;
import org.hpacell.stage2.SegmenterScorer;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainPlugins;
import org.hpacell.train.TrainedModel;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.InMemorySample;
import org.hpacell.train.loss.ClassificationLosses;
import org.hpacell.train.loss.Objective;

/**
 * Stage 2 on the synthetic atlas of {@link MethodsBenchmark} (same generator, seed, fields, backbone and
 * epochs): a stage-1 CAM model, its CAMs on the training fields made into pixel and five-level cell
 * pseudo labels (threshold 0.225; the true cell masks stand in for a segmenter), then the cellwise
 * baseline (crops, broadcast image labels), the five-level cell classifier, the U-Net semantic segmenter
 * and the oracle (crops, true cell labels), each trained by the one engine, and an ensemble. Every
 * method is scored at cell level (mAP at mask IoU 0.6) on the held-out fields' true cells, alone and
 * combined with the stage-1 image probabilities.
 *
 * <p>Usage: {@code Stage2Benchmark OUT [trainFields testFields fieldSize imageSize epochs seed threads cropSize]}
 * (defaults 96 24 256 128 6 7 2 64). Prints a Markdown table and writes it to {@code OUT/stage2.md}.
 */
public final class Stage2Benchmark {
    private static final ClassifierFactory NETS = SegmenterClassifier.factory(Architectures::create);
    private static final CellCropper CROPPER = CellCropper.withDefaultPadding();
    /** Crops are many and small: batches of 32 keep the step count (and the per-step overhead) down. */
    private static final int CROP_BATCH = 32;

    private final Path out;
    private final TrainConfig base;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    private Stage2Benchmark(Path out, TrainConfig base) {
        this.out = out;
        this.base = base;
    }

    /** One row of the table. */
    private record Row(String method, double map, double trainSeconds, String notes) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Stage2Benchmark OUT [trainFields testFields fieldSize imageSize epochs seed "
                    + "threads cropSize]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int train = arg(args, 1, 96), test = arg(args, 2, 24), fieldSize = arg(args, 3, 256);
        int imageSize = arg(args, 4, 128), epochs = arg(args, 5, 6), seed = arg(args, 6, 7), threads = arg(args, 7, 2);
        int cropSize = arg(args, 8, 64);

        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(seed, train + test, fieldSize, 8));
        List<SyntheticField> trainFields = new ArrayList<>();
        List<SyntheticField> testFields = new ArrayList<>();
        for (int i = 0; i < train + test; i++) {
            (i < train ? trainFields : testFields).add(gen.generate(i));
        }
        TrainConfig base = new TrainConfig();
        base.model = "small";
        base.seed = seed;
        base.epochs = epochs;
        base.batchSize = 8;
        base.imageSize = imageSize;
        base.engineThreads = threads;
        base.loaderThreads = 1;
        String md = new Stage2Benchmark(out, base).run(trainFields, testFields, cropSize);
        String header = String.format(Locale.ROOT, "Synthetic atlas (hpa preset, seed %d): %d training fields, %d test "
                + "fields, %d px; small backbone, %d epochs, focal loss; stage 1 at %d px (batch 8), crops %d px "
                + "(batch %d), U-Net (small encoder) at %d px (batch 8); cells scored on the true cell masks.%n%n",
                seed, train, test, fieldSize, epochs, imageSize, cropSize, CROP_BATCH, imageSize);
        System.out.print(header + md);
        AtomicFiles.writeString(out.resolve("stage2.md"), header + md);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private String run(List<SyntheticField> train, List<SyntheticField> test, int cropSize) throws IOException {
        List<FieldSample> fields = new ArrayList<>();
        for (SyntheticField f : train) {
            fields.add(new InMemorySample(f.image(), f.imageLabels(), f.cells()));
        }
        Path stage1 = train("stage1", base, fields, TrainPlugins.batchBuilder(base));
        Map<String, CamMaps> cams = cams(stage1, train, test);

        PseudoLabelConfig pseudo = PseudoLabelConfig.defaults();
        PixelPseudoLabeler pixelLabeler = new PixelPseudoLabeler(pseudo);
        CellGrader grader = new CellGrader(pseudo);
        Map<String, PixelPseudoLabels> pixels = new HashMap<>();
        Map<String, CellPseudoLabels> grades = new HashMap<>();
        Map<String, Map<Integer, LabelSet>> truth = new HashMap<>();
        for (SyntheticField f : train) {
            CamMaps c = cams.get(f.id());
            ClassMaps maps = new ClassMaps(c.width(), c.height(), c.array());
            pixels.put(f.id(), pixelLabeler.label(maps, f.imageLabels()));
            grades.put(f.id(), grader.grade(f.id(), maps, f.cells(), f.imageLabels()));
            Map<Integer, LabelSet> cells = new HashMap<>();
            for (int id = 1; id <= f.cellCount(); id++) {
                cells.put(id, f.labelsOf(id));
            }
            truth.put(f.id(), cells);
        }

        TrainConfig crops = ConfigFiles.copy(base);
        crops.imageSize = cropSize;
        crops.batchSize = CROP_BATCH;
        Path baseline = trainCells("cellwise", crops, train, CellTargets.broadcast(), false);
        Path fiveLevel = trainCells("five-level", crops, train, CellTargets.graded(grades, Grade.MEDIUM), true);
        Path oracle = trainCells("oracle", crops, train, CellTargets.truth(truth), false);
        Path semseg = trainSegmenter(fields, pixels);

        Map<String, List<List<CellScores>>> scores = new LinkedHashMap<>();
        scores.put("baseline", cellModelScores(baseline, test));
        scores.put("five", cellModelScores(fiveLevel, test));
        scores.put("oracle", cellModelScores(oracle, test));
        scores.put("semseg", segmenterScores(semseg, test));
        CellScorer camPooling = new CellScorer(CellPooling.mean(), new CombinationRule.CellOnly());
        List<List<CellScores>> camMaps = new ArrayList<>();
        for (SyntheticField f : test) {
            camMaps.add(camPooling.score(cams.get(f.id()), f.cells()));
        }
        scores.put("cam", camMaps);
        scores.put("ensemble", ensemble(scores.get("five"), scores.get("semseg")));
        scores.put("five+cam", ensemble(scores.get("five"), camMaps));

        CombinationRule product = CombinationRule.DEFAULT;
        CombinationRule cell = new CombinationRule.CellOnly();
        CombinationRule blend = new CombinationRule.Blend(0.5f);
        List<Row> rows = new ArrayList<>();
        List<List<CellScores>> camScores = new ArrayList<>();
        for (SyntheticField f : test) {
            camScores.add(CellScorer.defaults().score(cams.get(f.id()), f.cells()));
        }
        double s1 = seconds.get("stage1");
        rows.add(new Row("image labels broadcast", map(test, cams, camScores, new CombinationRule.ImageOnly()), s1,
                "stage-1 image probability for every cell"));
        rows.add(new Row("CAM", map(test, cams, camScores, cell), s1, "mean CAM in the cell x image probability"));
        rows.add(new Row("cellwise baseline", map(test, cams, scores.get("baseline"), cell), seconds.get("cellwise"),
                "crops trained on broadcast image labels"));
        rows.add(new Row("cellwise baseline x image", map(test, cams, scores.get("baseline"), product),
                s1 + seconds.get("cellwise"), ""));
        rows.add(new Row("five-level cell classifier", map(test, cams, scores.get("five"), cell),
                s1 + seconds.get("five-level"), "crops trained on graded CAM pseudo labels"));
        rows.add(new Row("five-level x image", map(test, cams, scores.get("five"), product),
                s1 + seconds.get("five-level"), "the winner's combination"));
        rows.add(new Row("two-stage semseg", map(test, cams, scores.get("semseg"), cell), s1 + seconds.get("semseg"),
                "U-Net on pixel pseudo labels, mean in the cell"));
        rows.add(new Row("two-stage semseg, blend 0.5", map(test, cams, scores.get("semseg"), blend),
                s1 + seconds.get("semseg"), "the seed's combination"));
        rows.add(new Row("ensemble (five-level + semseg) x image", map(test, cams, scores.get("ensemble"), product),
                s1 + seconds.get("five-level") + seconds.get("semseg"), "mean of the two models' cell scores"));
        rows.add(new Row("ensemble (five-level + CAM) x image", map(test, cams, scores.get("five+cam"), product),
                s1 + seconds.get("five-level"), "mean of the cell classifier's and the mean CAM's cell scores: "
                + "the pipeline's submission"));
        rows.add(new Row("oracle", map(test, cams, scores.get("oracle"), cell), seconds.get("oracle"),
                "crops trained on the true cell labels"));
        rows.add(new Row("oracle x image", map(test, cams, scores.get("oracle"), product),
                s1 + seconds.get("oracle"), ""));

        StringBuilder md = new StringBuilder("| method | cell mAP@0.6 | training s | notes |\n|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.0f | %s |%n", r.method(), r.map(), r.trainSeconds(),
                    r.notes()));
        }
        return md.toString();
    }

    /** The mean of two models' scores, field by field. */
    private static List<List<CellScores>> ensemble(List<List<CellScores>> a, List<List<CellScores>> b) {
        List<List<CellScores>> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(CellScoreEnsemble.mean(List.of(a.get(i), b.get(i))));
        }
        return out;
    }

    private Path train(String name, TrainConfig config, List<FieldSample> data, BatchBuilder builder)
            throws IOException {
        return train(name, config, data, TrainPlugins.objective(config), builder);
    }

    /**
     * Trains run {@code OUT/name}, or resumes it where an earlier (killed) benchmark left it: the engine's
     * resume repeats exactly what an uninterrupted run does, so a finished run is reused as it is. The
     * training time is the sum of the run's epoch times (its metrics log).
     */
    private Path train(String name, TrainConfig config, List<FieldSample> data, Objective objective,
                       BatchBuilder builder) throws IOException {
        RunDirectory run = new RunDirectory(out.resolve(name));
        new TrainingLoop(config, run, NETS, objective, builder, Progress.Factory.NONE).run(data, true);
        double total = 0;
        List<String> lines = Files.readAllLines(run.metricsCsv());
        int column = Arrays.asList(lines.get(0).split(",")).indexOf("seconds");
        for (String line : lines.subList(1, lines.size())) {
            total += Double.parseDouble(line.split(",")[column]);
        }
        seconds.put(name, total);
        System.err.printf(Locale.ROOT, "%s trained in %.0f s%n", name, total);
        return run.root();
    }

    private Path trainCells(String name, TrainConfig config, List<SyntheticField> fields, CellTargets targets,
                            boolean soft) throws IOException {
        CellSamples samples = new CellSamples(CROPPER, targets);
        for (SyntheticField f : fields) {
            samples.add(f.image(), f.cells(), f.imageLabels());
        }
        return train(name, config, samples.samples(), soft ? samples.softBatchBuilder() : new ImagesBatchBuilder());
    }

    private Path trainSegmenter(List<FieldSample> fields, Map<String, PixelPseudoLabels> pixels) throws IOException {
        TrainConfig c = ConfigFiles.copy(base);
        c.model = SegmenterClassifier.PREFIX + base.model;
        double brightness = c.augment.brightness;
        double contrast = c.augment.contrast;
        c.augment = AugmentConfig.none();
        c.augment.brightness = brightness;
        c.augment.contrast = contrast;
        PixelTargetBatchBuilder.requireAligned(c.augment);
        return train("semseg", c, fields, new SegmentationObjective(ClassificationLosses.of(c.loss)),
                PixelTargetBatchBuilder.of(pixels));
    }

    /** Stage-1 CAMs (no TTA) of every field, by id. */
    private static Map<String, CamMaps> cams(Path run, List<SyntheticField> train, List<SyntheticField> test)
            throws IOException {
        Map<String, CamMaps> out = new HashMap<>();
        try (org.hpacell.cam.CamModel model = org.hpacell.cam.CamModel.load(run, NETS)) {
            CamExtractor extractor = new CamExtractor(model.classifier(), TtaPlan.none());
            for (List<SyntheticField> part : List.of(train, test)) {
                for (SyntheticField f : part) {
                    try (NDManager m = NDManager.newBaseManager()) {
                        NDArray x = model.input(f.image(), m);
                        out.put(f.id(), extractor.extract(f.id(), x, f.image().width(), f.image().height()));
                    }
                }
            }
        }
        return out;
    }

    private static List<List<CellScores>> cellModelScores(Path run, List<SyntheticField> test) throws IOException {
        return scoreAll(run, test, m -> {
            CellClassifierScorer s = new CellClassifierScorer(m, CROPPER, 64);
            return f -> s.score(f.image(), f.cells());
        });
    }

    private static List<List<CellScores>> segmenterScores(Path run, List<SyntheticField> test) throws IOException {
        return scoreAll(run, test, m -> {
            SegmenterScorer s = new SegmenterScorer(m);
            return f -> s.score(f.image(), f.cells());
        });
    }

    /** Scores one field; may read nothing but the field. */
    private interface FieldScorer {
        List<CellScores> score(SyntheticField f) throws IOException;
    }

    private static List<List<CellScores>> scoreAll(Path run, List<SyntheticField> test,
                                                   Function<TrainedModel, FieldScorer> make) throws IOException {
        List<List<CellScores>> all = new ArrayList<>();
        try (TrainedModel model = TrainedModel.load(run, NETS)) {
            FieldScorer scorer = make.apply(model);
            for (SyntheticField f : test) {
                all.add(scorer.score(f));
            }
        }
        return all;
    }

    /** Cell-level mAP of per-field cell scores combined with the stage-1 image probabilities by {@code rule}. */
    private static double map(List<SyntheticField> test, Map<String, CamMaps> cams, List<List<CellScores>> scores,
                              CombinationRule rule) {
        MapEvaluator eval = new MapEvaluator(IouKind.MASK);
        for (SyntheticField f : test) {
            eval.addTruth(MethodsBenchmark.truth(f));
        }
        for (int i = 0; i < test.size(); i++) {
            SyntheticField f = test.get(i);
            List<CellScores> combined = rule.apply(cams.get(f.id()).probabilities(), scores.get(i));
            eval.addPrediction(CellPredictions.row(f.id(), f.cells(), combined));
        }
        return eval.result().meanAveragePrecision();
    }
}
