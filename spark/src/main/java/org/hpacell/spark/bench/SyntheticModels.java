package org.hpacell.spark.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.pipeline.Pipeline;
import org.hpacell.pipeline.PipelineConfig;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;

/**
 * Real trained runs in little time: a synthetic atlas ({@code ROOT/train}, {@code ROOT/test}) and the
 * whole {@link Pipeline} on it with one epoch per stage at a small input size ({@code ROOT/pipeline},
 * whose {@code stage1/} and {@code stage2/} are the runs). Kept if present.
 *
 * @param root        the folder
 * @param trainFields training fields
 * @param testFields  fields to predict
 * @param fieldSize   field width and height in pixels
 * @param inputSize   the networks' input size (stage 1 and the cell crops)
 */
public record SyntheticModels(Path root, int trainFields, int testFields, int fieldSize, int inputSize) {
    public Path train() {
        return root.resolve("train");
    }

    public Path test() {
        return root.resolve("test");
    }

    /** The pipeline output folder (what {@code hpacell-spark predict --model} takes). */
    public Path pipeline() {
        return root.resolve("pipeline");
    }

    public Path stage1() {
        return pipeline().resolve("stage1");
    }

    public Path stage2() {
        return pipeline().resolve("stage2");
    }

    /** Makes whatever is missing; returns this. */
    public SyntheticModels make() throws IOException {
        if (!Files.isDirectory(train())) {
            new SynthDataset(SynthParams.defaults(11, trainFields, fieldSize, 8)).write(train(), 2, Progress.NONE, null, 0);
        }
        if (!Files.isDirectory(test())) {
            new SynthDataset(SynthParams.defaults(12, testFields, fieldSize, 8)).write(test(), 2, Progress.NONE, null, 0);
        }
        PipelineConfig c = PipelineConfig.defaults();
        c.threads = 2;
        c.stage1.imageSize = inputSize;
        c.stage1.epochs = 1;
        c.stage1.batchSize = 4;
        c.stage1.engineThreads = 1;
        c.cellModel.imageSize = inputSize;
        c.cellModel.epochs = 1;
        c.cellModel.engineThreads = 1;
        new Pipeline(c, pipeline(), Progress.Factory.NONE, new PrintStream(OutputStream.nullOutputStream()))
                .run(train(), test());
        return this;
    }
}
