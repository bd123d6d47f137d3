package org.hpacell.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hpacell.atlas.LabelSet;
import org.hpacell.identity.OutputLock;
import org.hpacell.identity.StageIdentity;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.FileTrees;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.SubmissionScorer;
import org.hpacell.pipeline.PipelineLayout.Split;
import org.hpacell.predict.CellImageFolder;
import org.hpacell.predict.CombinationRule;
import org.hpacell.predict.PipelineModels;
import org.hpacell.predict.PredictionPipeline;
import org.hpacell.progress.Progress;
import org.hpacell.stage2.CellCropper;
import org.hpacell.stage2.CellSamples;
import org.hpacell.stage2.CellTargets;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainPlugins;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;

/**
 * The demo: a small synthetic atlas (training fields with image labels only, held-out fields with
 * per-cell truth), the whole {@link Pipeline} on it, and an oracle - the same cell classifier trained on
 * the true cell labels - as the ceiling. Prints and writes ({@code OUT/summary.md}) the cell-level mAP of
 * every method. Everything goes under one folder; a rerun resumes.
 */
public final class Demo {
    /**
     * The demo's size.
     *
     * @param trainFields synthetic training fields
     * @param testFields  held-out fields
     * @param fieldSize   field width and height in pixels
     * @param stage1Size  stage-1 training size
     * @param epochs      stage-1 epochs
     * @param cellEpochs  epochs of the cell classifiers (stage 2 and the oracle)
     */
    public record Size(int trainFields, int testFields, int fieldSize, int stage1Size, int epochs, int cellEpochs) {
        /** The default demo: a few minutes on a 2-core CPU (docs/BENCHMARKS.md has the measured time). */
        public static Size standard() {
            return new Size(128, 32, 256, 256, 16, 20);
        }

        /** About 2 minutes on a 2-core CPU: enough for every stage to run and be checked. */
        public static Size quick() {
            return new Size(32, 8, 192, 96, 4, 3);
        }
    }

    /** The demo's outcome: cell-level mAP per method, in table order. */
    public record Summary(Map<String, Double> cellMap, Path folder, Path submission) {
        /** The table as Markdown. */
        public String table() {
            StringBuilder sb = new StringBuilder("| method | cell mAP@0.6 |\n|---|---|\n");
            cellMap.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %.4f |%n", k, v)));
            return sb.toString();
        }
    }

    private final Size size;
    private final long seed;
    private final int threads;
    private final Progress.Factory progress;
    private final PrintStream log;

    public Demo(Size size, long seed, int threads, Progress.Factory progress, PrintStream log) {
        this.size = size;
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.log = log;
    }

    /** The pipeline config the demo uses at its size. */
    public PipelineConfig config() {
        PipelineConfig c = PipelineConfig.defaults();
        c.threads = threads;
        c.stage1.seed = seed;
        c.stage1.imageSize = size.stage1Size();
        c.stage1.epochs = size.epochs();
        c.stage1.engineThreads = threads;
        c.cellModel.seed = seed;
        c.cellModel.epochs = size.cellEpochs();
        c.cellModel.engineThreads = threads;
        return c;
    }

    /**
     * Runs (or resumes) the demo in {@code out}, which it locks. A folder made at another size, seed or
     * hpacell version is cleared first (the data and the oracle; the pipeline redoes its stages itself,
     * since its inputs changed).
     */
    public Summary run(Path out) throws IOException {
        try (OutputLock lock = OutputLock.folder(out)) {
            AtomicFiles.removeLeftovers(out); // of an earlier demo killed mid-write (data/train/.train.csv*.tmp)
            StageIdentity made = StageIdentity.ofVersion().with("demo size", size.toString())
                    .with("seed", Long.toString(seed));
            Path record = out.resolve(".demo.json");
            Optional<StageIdentity> before = StageIdentity.read(record);
            if (before.isPresent() ? !before.get().equals(made) : Files.exists(out.resolve("data"))) {
                log.printf(Locale.ROOT, "changed since the last demo in %s: %s; redoing the data, pipeline and "
                        + "oracle%n", out, before.map(made::changedFrom).map(Object::toString).orElse("no record"));
                FileTrees.delete(out.resolve("data"));
                FileTrees.delete(out.resolve("oracle"));
                Files.deleteIfExists(out.resolve("summary.md"));
            }
            made.write(record);
            return runLocked(out);
        }
    }

    private Summary runLocked(Path out) throws IOException {
        Path train = out.resolve("data").resolve("train");
        Path test = out.resolve("data").resolve("test");
        synth(train, seed, size.trainFields());
        synth(test, seed + 1, size.testFields());

        Pipeline pipeline = new Pipeline(config(), out.resolve("pipeline"), progress, log);
        Pipeline.Result result = pipeline.run(train, test);
        Map<String, Double> table = new LinkedHashMap<>(result.cellMap());
        table.put("oracle (cell classifier on true cell labels)", oracle(pipeline, train, test, out));
        if (!result.failures().isEmpty()) {
            log.printf(Locale.ROOT, "%d fields were skipped:%n", result.failures().size());
            result.failures().forEach(f -> log.println("  " + f));
        }
        Summary summary = new Summary(table, out, result.submission());
        AtomicFiles.writeString(out.resolve("summary.md"), summary.table());
        return summary;
    }

    private void synth(Path dir, long s, int images) throws IOException {
        if (Files.exists(dir.resolve(SynthDataset.PARAMS_JSON)) && Files.exists(dir.resolve("train.csv"))) {
            log.printf(Locale.ROOT, "[synth] %s exists, kept%n", dir);
            return;
        }
        SynthParams params = SynthParams.defaults(s, images, size.fieldSize(), 8);
        try (Progress p = progress.start("synth " + dir.getFileName(), images)) {
            new SynthDataset(params).write(dir, threads, p, null, 0);
        }
    }

    /**
     * The ceiling: the stage-2 cell classifier trained on the true masks and true labels of the training
     * fields, scoring the pipeline's segmented test cells (cell score alone).
     */
    private double oracle(Pipeline pipeline, Path trainDir, Path testDir, Path out) throws IOException {
        Path submission = out.resolve("oracle").resolve("submission.csv");
        Path run = out.resolve("oracle").resolve("run");
        Path marker = out.resolve("oracle").resolve("done");
        String made = pipeline.identity("predict").fingerprint(); // the data, config and version it rests on
        Path stamp = out.resolve("oracle").resolve(".identity");
        if (!Files.isRegularFile(stamp) || !Files.readString(stamp).strip().equals(made)) {
            FileTrees.delete(out.resolve("oracle")); // made from other data or config
            AtomicFiles.writeString(stamp, made + "\n");
        }
        if (!Files.exists(marker)) {
            HpaDataset train = HpaDataset.open(trainDir, HpaDataset.LabelPolicy.REQUIRED);
            Map<String, Map<Integer, LabelSet>> truth = TruthCells.read(trainDir.resolve(SynthDataset.CELLS_CSV));
            PipelineLayout layout = pipeline.layout();
            PipelineConfig c = config();
            CellCropper cropper = new CellCropper(c.cropPadding);
            CellSamples samples = new CellSamples(cropper, CellTargets.truth(truth));
            for (String id : train.ids()) {
                samples.add(train.read(id), ImageFiles.readLabels(SynthDataset.cellsPath(trainDir, id)),
                        train.labels(id).orElseThrow());
            }
            TrainConfig tc = ConfigFiles.copy(c.cellModel);
            log.printf(Locale.ROOT, "[oracle] training on %d true cells ...%n", samples.samples().size());
            new TrainingLoop(tc, new RunDirectory(run), Pipeline.NETWORKS, TrainPlugins.objective(tc),
                    TrainPlugins.batchBuilder(tc), progress).run(samples.samples(), true);
            HpaDataset test = HpaDataset.open(testDir, HpaDataset.LabelPolicy.OPTIONAL);
            try (PipelineModels models = new PipelineModels()) {
                pipeline.predictInto(test, submission, made, new PredictionPipeline(
                        new CellImageFolder(layout.cells(Split.TEST)), List.of(pipeline.storedProbabilities()),
                        List.of(models.cellClassifier(run, cropper)), new CombinationRule.CellOnly(), threads));
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("cannot release the oracle model: " + e.getMessage(), e);
            }
            AtomicFiles.writeString(marker, "done\n");
        }
        return SubmissionScorer.score(testDir.resolve("truth.csv"), submission, IouKind.MASK, Progress.Factory.NONE)
                .meanAveragePrecision();
    }

}
