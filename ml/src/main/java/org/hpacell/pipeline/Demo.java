package org.hpacell.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hpacell.identity.OutputLock;
import org.hpacell.identity.StageIdentity;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.FileTrees;
import org.hpacell.metric.GapRecovered;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;

/**
 * The demo: a small synthetic atlas (training fields with image labels only, held-out fields with
 * per-cell truth), the whole {@link Pipeline} on it, with the two references that cell truth allows: the
 * oracle (the same cell classifier trained on the true cell labels) and the segmentation-limited ceiling.
 * Prints and writes ({@code OUT/summary.md}) the cell-level mAP of every method and the share of the gap
 * from broadcast to ceiling it recovers. Everything goes under one folder; a rerun resumes.
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
            StringBuilder sb = new StringBuilder("| method | cell mAP@0.6 | gap recovered |\n|---|---|---|\n");
            cellMap.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %.4f | %s |%n", k, v,
                    GapRecovered.of(v, cellMap).stream().mapToObj(g -> String.format(Locale.ROOT, "%.0f%%", 100 * g))
                            .findFirst().orElse("-"))));
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
}
