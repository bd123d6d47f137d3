package org.hpacell.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.hpacell.pipeline.Pipeline;
import org.hpacell.pipeline.PipelineConfig;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;

/**
 * Real models made in seconds: a tiny synthetic atlas and the whole {@link Pipeline} on it (one epoch
 * of each stage at 32 px), so the Spark jobs run the same trained runs as the single-JVM commands.
 */
final class TinyPipeline {
    static final int FIELD_SIZE = 96;

    final Path train;
    final Path test;
    final Path pipeline;

    private TinyPipeline(Path root) {
        this.train = root.resolve("train");
        this.test = root.resolve("test");
        this.pipeline = root.resolve("pipeline");
    }

    static TinyPipeline make(Path root) throws IOException {
        TinyPipeline t = new TinyPipeline(root);
        new SynthDataset(SynthParams.defaults(11, 8, FIELD_SIZE, 8)).write(t.train, 2, Progress.NONE, null, 0);
        new SynthDataset(SynthParams.defaults(12, 5, FIELD_SIZE, 8)).write(t.test, 2, Progress.NONE, null, 0);
        PipelineConfig c = PipelineConfig.defaults();
        c.threads = 2;
        c.stage1.imageSize = 32;
        c.stage1.epochs = 1;
        c.stage1.batchSize = 4;
        c.stage1.engineThreads = 1;
        c.cellModel.imageSize = 32;
        c.cellModel.epochs = 1;
        c.cellModel.engineThreads = 1;
        new Pipeline(c, t.pipeline, Progress.Factory.NONE, new PrintStream(OutputStream.nullOutputStream()))
                .run(t.train, t.test);
        return t;
    }

    Path stage1() {
        return pipeline.resolve("stage1");
    }

    Path stage2() {
        return pipeline.resolve("stage2");
    }
}
