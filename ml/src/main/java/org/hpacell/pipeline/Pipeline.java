package org.hpacell.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.CamJob;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.cam.TtaPlan;
import org.hpacell.cam.cell.CellPooling;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.geojson.GeoJsonExport;
import org.hpacell.identity.OutputLock;
import org.hpacell.identity.StageIdentity;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.FailuresCsv;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.FieldFailures;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.metric.GapRecovered;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.SubmissionScorer;
import org.hpacell.pipeline.PipelineLayout.Split;
import org.hpacell.predict.CellImageFolder;
import org.hpacell.predict.CombinationRule;
import org.hpacell.predict.FieldModels;
import org.hpacell.predict.PipelineModels;
import org.hpacell.predict.PredictionPipeline;
import org.hpacell.segment.CellSegmenter;
import org.hpacell.segment.NetworkSegmenter;
import org.hpacell.segment.SegmentJob;
import org.hpacell.progress.Progress;
import org.hpacell.pseudo.CellLabelsCsv;
import org.hpacell.pseudo.ClassMaps;
import org.hpacell.pseudo.Grade;
import org.hpacell.pseudo.PseudoLabelConfig;
import org.hpacell.pseudo.PseudoLabelJob;
import org.hpacell.stage2.CellCropper;
import org.hpacell.stage2.CellSamples;
import org.hpacell.stage2.CellTargets;
import org.hpacell.stage2.CropStore;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainPlugins;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.data.DataSplit;
import org.hpacell.train.data.FieldSample;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;

/**
 * The whole weakly supervised job on a user's data: segment every field, train the stage-1 image
 * classifier on image labels, extract its class activation maps, turn them into five-level cell pseudo
 * labels, train the stage-2 cell classifier on them, and score every cell of every test field (the mean
 * of the cell classifier's and the CAM's cell scores, x image probability) into a Kaggle submission.
 * When the test folder has a {@code truth.csv} the submission is evaluated (cell-level mAP at IoU 0.6)
 * beside three references made on the way ({@link PipelineLayout#methodSubmissions}): the image
 * probabilities broadcast to every cell, the stage-1 maps alone, and the cell classifier alone.
 *
 * <p>Each stage writes its outputs under {@link PipelineLayout} and a marker when it is complete; a
 * rerun skips finished stages, and the training stages resume from their last checkpoint. Each stage's
 * identity (inputs, config sections, version: {@link StageIdentities}) is recorded when it starts, and
 * a stage whose identity changed is redone with everything after it ({@link StageLedger}). The output
 * folder is locked for the run ({@link OutputLock}). A field that cannot be read or segmented is
 * reported and left out; the others go on.
 */
public final class Pipeline {
    /** Stage names, in order. */
    public static final List<String> STAGES = List.of("segment", "stage1", "cams", "pseudo", "stage2", "oracle",
            "predict");
    /** The per-cell truth of a folder, in the submission layout (a synthetic atlas writes it). */
    static final String TRUTH_CSV = "truth.csv";

    /** Networks by name, including U-Nets on stage-1 encoders. */
    static final ClassifierFactory NETWORKS = PipelineModels.NETWORKS;

    /** What a run produced. */
    public record Result(Path submission, Map<String, Double> cellMap, List<FieldFailure> failures) {
    }

    private final PipelineConfig config;
    private final PipelineLayout layout;
    private final Progress.Factory progress;
    private final PrintStream log;
    private final FieldFailures failures = new FieldFailures();
    private StageLedger ledger;
    /** The held-out training fields of this run, computed at their first use (after segmentation). */
    private Set<String> heldOut;

    public Pipeline(PipelineConfig config, Path out, Progress.Factory progress, PrintStream log) {
        this.config = config.validate();
        this.layout = new PipelineLayout(out);
        this.progress = progress;
        this.log = log;
    }

    public PipelineLayout layout() {
        return layout;
    }

    /**
     * Runs (or resumes) every stage.
     *
     * @param trainDir training fields in the HPA layout, with {@code train.csv}
     * @param testDir  fields to predict (with {@code truth.csv} for an evaluation)
     */
    public Result run(Path trainDir, Path testDir) throws IOException {
        try (OutputLock lock = OutputLock.folder(layout.root())) {
            lock.staleHolder().ifPresent(pid -> log.printf(Locale.ROOT, "took over the lock of process %d on %s "
                    + "(it ended without releasing it)%n", pid, layout.root()));
            return runLocked(trainDir, testDir);
        }
    }

    private Result runLocked(Path trainDir, Path testDir) throws IOException {
        HpaDataset train = HpaDataset.open(trainDir, HpaDataset.LabelPolicy.REQUIRED, config.channelOrder()).requireFields();
        HpaDataset test = HpaDataset.open(testDir, HpaDataset.LabelPolicy.OPTIONAL, config.channelOrder()).requireFields();
        failures.addAll(train.problems());
        failures.addAll(test.problems());
        Files.createDirectories(layout.root());
        ledger = new StageLedger(layout, StageIdentities.of(config, trainDir, testDir));
        heldOut = null; // of this run's training folder
        AtomicFiles.removeLeftovers(layout.root()); // of an earlier run killed mid-write; we hold the lock
        ledger.reconcile().ifPresent(log::println);
        config.write(layout.config());
        stage("segment", () -> {
            segment(FieldCells.of(config, trainDir), train, Split.TRAIN);
            segment(FieldCells.of(config, testDir), test, Split.TEST);
        });
        stage("stage1", () -> trainStage1(train));
        stage("cams", () -> {
            cams(train, Split.TRAIN);
            cams(test, Split.TEST);
        });
        stage("pseudo", () -> pseudo(train));
        stage("stage2", () -> trainCellModel(train));
        Path trainTruth = trainDir.resolve(TRUTH_CSV);
        boolean oracle = config.oracle && Files.exists(trainTruth);
        if (oracle) {
            stage("oracle", () -> trainOracle(train, trainTruth));
        }
        stage("predict", () -> predict(train, test, oracle));

        Map<String, Double> maps = new LinkedHashMap<>();
        Path truth = testDir.resolve(TRUTH_CSV);
        if (Files.exists(truth)) {
            // cheap (no model), so made afresh on every run: it always matches this test folder's cells
            TruthReferences.writeCeiling(truth, id -> layout.cellsOf(Split.TEST, id), layout.ceilingSubmission());
            for (Map.Entry<String, Path> m : layout.methodSubmissions().entrySet()) {
                if (Files.exists(m.getValue())) {
                    maps.put(m.getKey(), score(truth, m.getValue()));
                } else if (!m.getKey().equals(PipelineLayout.ORACLE) || oracle) {
                    // a folder resumed from an older hpacell that did not write this reference
                    log.printf(Locale.ROOT, "warning: %s is missing, '%s' is not evaluated (delete %s to redo the "
                            + "predict stage)%n", m.getValue(), m.getKey(), layout.marker("predict"));
                }
            }
            writeEvaluation(maps);
        }
        FailuresCsv.write(layout.errors(), failures.list());
        return new Result(layout.submission(), maps, failures.list());
    }

    /** One stage's work. */
    @FunctionalInterface
    private interface StageBody {
        void run() throws IOException;
    }

    private void stage(String name, StageBody body) throws IOException {
        Path marker = layout.marker(name);
        if (ledger.done(name)) {
            log.printf(Locale.ROOT, "[%s] done before, skipped%n", name);
            failures.addAll(ledger.skippedFields(name)); // reported again: they are still left out
            return;
        }
        long t0 = System.nanoTime();
        log.printf(Locale.ROOT, "[%s] ...%n", name);
        ledger.start(name);
        List<FieldFailure> before = failures.list();
        body.run();
        List<FieldFailure> skipped = new ArrayList<>(failures.list());
        before.forEach(skipped::remove);
        ledger.recordSkippedFields(name, skipped);
        AtomicFiles.writeString(marker, Instant.now() + "\n");
        log.printf(Locale.ROOT, "[%s] finished in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    private void segment(CellSegmenter segmenter, HpaDataset data, Split split) throws IOException {
        try (Progress p = progress.start("segment " + split.folder(), data.size())) {
            SegmentJob.Result r = SegmentJob.run(segmenter, data, data.ids(), layout.segmentation(split),
                    config.threads, p);
            // the dataset's own problems are already in the list
            r.failures().stream().filter(f -> data.ids().contains(f.fieldId())).forEach(failures::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while segmenting", e);
        } finally {
            if (segmenter instanceof AutoCloseable c) { // segmenters holding networks
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IOException("cannot release the segmenter: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Ids of a split whose segmentation exists (fields that failed earlier are left out). */
    private List<String> segmented(HpaDataset data, Split split) {
        List<String> ids = new ArrayList<>();
        for (String id : data.ids()) {
            if (Files.exists(layout.cellsOf(split, id))) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The stage-1 training samples: every segmented training field with image labels. */
    private List<FieldSample> stage1Samples(HpaDataset train) {
        List<FieldSample> samples = new ArrayList<>();
        for (String id : segmented(train, Split.TRAIN)) {
            Optional<LabelSet> labels = train.labels(id);
            labels.ifPresent(l -> samples.add(new SegmentedSample(train, id, l, layout.cellsOf(Split.TRAIN, id))));
        }
        return samples;
    }

    /**
     * The training fields neither stage trains on: stage 1's validation fields (its split is a function of
     * the ids and the seed, {@link DataSplit}), kept out of stage 2 too, so the combination rule is chosen on
     * fields no model has seen ({@link RuleChoice}).
     */
    private Set<String> heldOut(HpaDataset train) {
        if (heldOut == null) { // once per run: read by stage 2, the oracle and the rule choice
            Set<String> ids = new TreeSet<>();
            DataSplit.of(stage1Samples(train), config.stage1.validationFraction, config.stage1.seed).validation()
                    .forEach(s -> ids.add(s.id()));
            heldOut = Collections.unmodifiableSet(ids);
        }
        return heldOut;
    }

    private void trainStage1(HpaDataset train) throws IOException {
        List<FieldSample> samples = stage1Samples(train);
        TrainingLoop.Result r = TrainingLoop.fromConfig(config.stage1, new RunDirectory(layout.stage1()), NETWORKS,
                progress).run(samples, true);
        log.printf(Locale.ROOT, "  stage 1: best image-level macro AP %.4f (epoch %d)%n", r.bestMacroAp(),
                r.bestEpoch());
    }

    private void cams(HpaDataset data, Split split) throws IOException {
        boolean scoreCells = split == Split.TEST;
        CamJob.Options options = new CamJob.Options(config.tta ? TtaPlan.standard() : TtaPlan.none(),
                config.threads, false, -1, scoreCells ? layout.cells(split) : null,
                scoreCells ? layout.camSubmission() : null, CellScorer.defaults());
        try (org.hpacell.cam.CamModel model = org.hpacell.cam.CamModel.load(layout.stage1(), NETWORKS)) {
            CamJob.Result r = CamJob.run(List.of(model), data, segmented(data, split), layout.cams(split), options,
                    progress);
            failures.addAll(r.failures());
        }
    }

    private CamMaps maps(Split split, String id) throws IOException {
        return CamMapsFile.read(CamMapsFile.of(layout.cams(split).resolve("maps"), id));
    }

    private void pseudo(HpaDataset train) throws IOException {
        PseudoLabelConfig pc = PseudoLabelConfig.defaults().withPixelThreshold(config.pixelThreshold);
        List<String> ids = new ArrayList<>();
        for (String id : segmented(train, Split.TRAIN)) {
            if (Files.exists(CamMapsFile.of(layout.cams(Split.TRAIN).resolve("maps"), id))) {
                ids.add(id);
            }
        }
        PseudoLabelJob.Source source = id -> {
            CamMaps m = maps(Split.TRAIN, id);
            return new PseudoLabelJob.FieldInput(new ClassMaps(m.width(), m.height(), m.array()),
                    ImageFiles.readLabels(layout.cellsOf(Split.TRAIN, id)), train.labels(id).orElseThrow());
        };
        try (Progress p = progress.start("pseudo", ids.size())) {
            PseudoLabelJob.Result r = new PseudoLabelJob(pc, config.threads, 4).run(ids, source, layout.pseudo(), p);
            failures.addAll(r.failures());
            log.printf(Locale.ROOT, "  pseudo labels: %d cells of %d fields graded%n", r.cells(), r.fields());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making pseudo labels", e);
        }
    }

    private CellCropper cropper() {
        return new CellCropper(config.cropPadding, config.cropPaddingFraction, config.cropPerCellIntensity);
    }

    private void trainCellModel(HpaDataset train) throws IOException {
        var graded = CellLabelsCsv.read(layout.pseudo().resolve(PseudoLabelJob.CELL_LABELS));
        Set<String> ids = new TreeSet<>(graded.keySet());
        ids.removeAll(heldOut(train));
        if (config.stage2.method.equals("cellwise")) {
            trainCells("stage 2 (cellwise)", train, ids, CellTargets.broadcast(), false, layout.stage2());
        } else {
            trainCells("stage 2", train, ids, CellTargets.graded(graded, Grade.MEDIUM), true, layout.stage2());
        }
    }

    /**
     * The oracle: the stage-2 cell classifier, same config and crops, trained on the true labels of the
     * training cells ({@link TruthReferences#oracleLabels}) instead of the pseudo labels.
     */
    private void trainOracle(HpaDataset train, Path trainTruth) throws IOException {
        List<String> ids = new ArrayList<>(segmented(train, Split.TRAIN));
        ids.removeAll(heldOut(train)); // the fields stage 2 trains on
        var labels = TruthReferences.oracleLabels(trainTruth, ids, id -> layout.cellsOf(Split.TRAIN, id));
        trainCells("oracle", train, labels.keySet(), CellTargets.truth(labels), false, layout.oracle());
    }

    private void trainCells(String what, HpaDataset train, Collection<String> ids, CellTargets targets,
                            boolean soft, Path run) throws IOException {
        cropper().writeTo(run);
        TrainingLoop.Result r;
        // crops are cut once into a file at the model's input side and streamed from it: memory stays flat
        try (CropStore store = CropStore.create(run.resolve("crops.u16"), config.cellModel.imageSize)) {
            CellSamples samples = new CellSamples(cropper(), targets, store);
            try (Progress p = progress.start(what + ": cutting crops", ids.size())) {
                for (String id : new TreeSet<>(ids)) {
                    samples.add(train.read(id), ImageFiles.readLabels(layout.cellsOf(Split.TRAIN, id)),
                            train.labels(id).orElseThrow());
                    p.step();
                }
            }
            r = new TrainingLoop(config.cellModel, new RunDirectory(run), NETWORKS,
                    TrainPlugins.objective(config.cellModel),
                    soft ? samples.softBatchBuilder() : TrainPlugins.batchBuilder(config.cellModel), progress)
                    .run(samples.samples(), true);
            log.printf(Locale.ROOT, "  %s: %d cell crops%n", what, samples.samples().size());
        }
        log.printf(Locale.ROOT, "  %s: best macro AP %.4f (epoch %d)%n", what, r.bestMacroAp(), r.bestEpoch());
    }

    /** Stage-1 image probabilities of a field, as the CAM stage stored them (with TTA if configured). */
    FieldModels.ImageModel storedProbabilities(Split split) {
        return field -> maps(split, field.id()).probabilities();
    }

    /**
     * The stage-1 maps of a field (as the CAM stage stored them) pooled inside each cell: the mean map
     * value, the cell's CAM score before any combination with the image probability.
     */
    FieldModels.CellModel storedCamScores(Split split) {
        CellScorer scorer = new CellScorer(CellPooling.mean(), new CombinationRule.CellOnly());
        return (field, cells) -> scorer.score(maps(split, field.id()), cells);
    }

    /**
     * Chooses the submission's rule on the held-out training fields ({@link RuleChoice}) and records it in
     * {@link PipelineLayout#ruleChoice()}.
     */
    private RuleChoice.Choice chooseRule(HpaDataset train, FieldModels.CellModel classifier) throws IOException {
        List<RuleChoice.Field> fields = new ArrayList<>();
        FieldModels.CellModel cam = storedCamScores(Split.TRAIN);
        for (String id : heldOut(train)) {
            if (!Files.exists(CamMapsFile.of(layout.cams(Split.TRAIN).resolve("maps"), id))) {
                continue;
            }
            FieldImage field = train.read(id);
            LabelImage cells = ImageFiles.readLabels(layout.cellsOf(Split.TRAIN, id));
            fields.add(new RuleChoice.Field(train.labels(id).orElseThrow(), maps(Split.TRAIN, id).probabilities(),
                    classifier.score(field, cells), cam.score(field, cells)));
        }
        RuleChoice.Choice choice = RuleChoice.choose(fields, RuleChoice.Candidate.MEAN);
        log.println("  " + choice.describe());
        AtomicFiles.writeString(layout.ruleChoice(), choice.describe() + "\n");
        return choice;
    }

    /**
     * The submission and, beside it, the references, all through the resumable {@link PredictionPipeline}.
     * The submission combines the stage-2 cell classifier and the CAM ({@link #storedCamScores}) by the rule
     * chosen on held-out training fields ({@link #chooseRule}): no fixed rule is right for every model. The
     * references: the cell classifier alone x image, the oracle (when trained), and the image probabilities
     * broadcast to every cell. The
     * submission's cells are also written as GeoJSON for QuPath ({@link PipelineLayout#submissionGeoJson}).
     */
    private void predict(HpaDataset train, HpaDataset test, boolean oracle) throws IOException {
        FieldModels.CellSource cells = new CellImageFolder(layout.cells(Split.TEST));
        List<FieldModels.ImageModel> image = List.of(storedProbabilities(Split.TEST));
        try (PipelineModels models = new PipelineModels()) {
            if (oracle) {
                predictInto(test, layout.oracleSubmission(), new PredictionPipeline(cells, image,
                        List.of(models.cellClassifier(layout.oracle(), cropper())), CombinationRule.DEFAULT,
                        config.threads));
            }
            FieldModels.CellModel classifier = models.cellClassifier(layout.stage2(), cropper());
            FieldModels.CellModel cam = storedCamScores(Split.TEST);
            RuleChoice.Candidate rule = chooseRule(train, classifier).chosen();
            List<FieldModels.CellModel> members = switch (rule) {
                case CELL, CELL_ONLY -> List.of(classifier);
                case MEAN -> List.of(classifier, cam);
                case CAM -> List.of(cam);
            };
            predictInto(test, layout.submission(), new PredictionPipeline(cells, image, members,
                    rule.timesImage() ? CombinationRule.DEFAULT : new CombinationRule.CellOnly(), config.threads));
            GeoJsonExport.export(layout.submission(), layout.submissionGeoJson(), 0);
            predictInto(test, layout.cellClassifierSubmission(), new PredictionPipeline(cells, image,
                    List.of(classifier), CombinationRule.DEFAULT, config.threads));
            predictInto(test, layout.broadcastSubmission(), new PredictionPipeline(cells, image, List.of(),
                    CombinationRule.DEFAULT, config.threads));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot release the stage-2 model: " + e.getMessage(), e);
        }
    }

    /**
     * The test fields with cells and maps: those that failed before are already reported and left out,
     * so one unreadable field does not hold back the submission of the others.
     */
    private List<String> predictable(HpaDataset test) {
        List<String> ids = new ArrayList<>();
        for (String id : segmented(test, Split.TEST)) {
            if (Files.exists(CamMapsFile.of(layout.cams(Split.TEST).resolve("maps"), id))) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The identity of a stage in this run (known once {@link #run} has started). */
    StageIdentity identity(String stage) {
        return ledger.identity(stage);
    }

    /** One prediction of the predict stage into {@code submission}, its parts stamped with the stage's identity. */
    private void predictInto(HpaDataset data, Path submission, PredictionPipeline prediction) throws IOException {
        predictInto(data, submission, identity("predict").fingerprint(), prediction);
    }

    /**
     * Runs one prediction into {@code submission}.
     *
     * @param models the fingerprint of the models and options (parts made under another are not reused)
     * @throws IOException listing the failed fields if any failed (the finished ones are kept, so a rerun
     *                     retries only the failed fields)
     */
    void predictInto(HpaDataset data, Path submission, String models, PredictionPipeline prediction)
            throws IOException {
        PredictionPipeline.Result r;
        List<String> ids = predictable(data);
        try (Progress p = progress.start("predict " + submission.getFileName(), ids.size())) {
            r = prediction.run(data, ids, submission, models, p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while predicting", e);
        }
        List<FieldFailure> here = new ArrayList<>(r.failures());
        here.removeAll(data.problems()); // already reported
        if (!r.complete()) {
            throw new IOException(here.size() + " fields could not be predicted into " + submission
                    + " (rerun to retry them): " + here);
        }
        if (submission.equals(layout.submission())) { // the references fail on the same fields
            failures.addAll(here);
        }
    }

    private double score(Path truth, Path predictions) throws IOException {
        return SubmissionScorer.score(truth, predictions, IouKind.MASK, Progress.Factory.NONE).meanAveragePrecision();
    }

    private void writeEvaluation(Map<String, Double> maps) throws IOException {
        StringBuilder sb = new StringBuilder("{\n  \"iou\": \"mask\",\n  \"threshold\": 0.6,\n  \"cellMap\": {");
        appendNumbers(sb, maps);
        sb.append("\n  },\n  \"gapRecovered\": {");
        appendNumbers(sb, GapRecovered.all(maps));
        sb.append("\n  }\n}\n");
        AtomicFiles.writeString(layout.evaluation(), sb.toString());
    }

    /** The members of a JSON object of numbers by method name, one a line (without the braces). */
    private static void appendNumbers(StringBuilder sb, Map<String, Double> values) {
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            sb.append(i++ == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT, "    \"%s\": %.6f", e.getKey(),
                    e.getValue()));
        }
    }
}
