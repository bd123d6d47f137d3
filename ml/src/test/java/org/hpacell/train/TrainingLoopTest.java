package org.hpacell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hpacell.progress.Progress;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.synth.Difficulty;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.SynthSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
    @TempDir
    Path tmp;

    private static TrainConfig config(int epochs) throws IOException {
        TrainConfig c = ConfigFiles.parse("""
                {"model": "small", "seed": 7, "epochs": %d, "batchSize": 8, "imageSize": 48,
                 "validationFraction": 0.25, "loaderThreads": 2, "engineThreads": 1,
                 "optimizer": {"name": "adam", "learningRate": 0.01},
                 "schedule": {"warmupEpochs": 0.5}, "loss": {"name": "focal"}}
                """.formatted(epochs));
        return c;
    }

    /** A progress factory that "kills" the job (throws) once {@code killAt} steps are done in total. */
    private static Progress.Factory killingAt(long killAt) {
        AtomicLong steps = new AtomicLong();
        return (task, total) -> new Progress() {
            @Override
            public void step(long n) {
                if (steps.addAndGet(n) >= killAt) {
                    throw new IllegalStateException("killed");
                }
            }

            @Override
            public void message(String text) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void resumeAfterKillReproducesTheUninterruptedRun() throws IOException {
        List<FieldSample> data = SynthSamples.generate(Difficulty.EASY.params(3, 40, 64, 8));
        TrainConfig c = config(3);
        TrainingLoop.Result full = TrainingLoop.fromConfig(c, new RunDirectory(tmp.resolve("full")),
                ClassifierFactory.REGISTRY, Progress.Factory.NONE).run(data, false);

        RunDirectory killed = new RunDirectory(tmp.resolve("killed"));
        // 30 training fields / batch 8 = 3 steps per epoch: die in the middle of epoch 2
        assertThrows(IllegalStateException.class, () -> TrainingLoop.fromConfig(c, killed,
                ClassifierFactory.REGISTRY, killingAt(5)).run(data, false));
        assertEquals(1, Checkpoint.readState(killed.lastCheckpoint()).epochsDone());
        TrainConfig saved = ConfigFiles.read(killed.config());
        TrainingLoop.Result resumed = TrainingLoop.fromConfig(saved, killed, ClassifierFactory.REGISTRY,
                Progress.Factory.NONE).run(data, true);

        assertEquals(3, resumed.metrics().size());
        for (int e = 0; e < 3; e++) {
            EpochMetrics a = full.metrics().get(e);
            EpochMetrics b = resumed.metrics().get(e);
            assertEquals(a.trainLoss(), b.trainLoss(), 1e-5 * Math.abs(a.trainLoss()), "train loss, epoch " + (e + 1));
            assertEquals(a.valLoss(), b.valLoss(), 1e-5 * Math.abs(a.valLoss()), "val loss, epoch " + (e + 1));
            assertEquals(a.valMacroAp(), b.valMacroAp(), 1e-6, "val AP, epoch " + (e + 1));
        }
        assertTrue(Files.size(killed.metricsPlot()) > 1000);
        assertEquals(4, Files.readAllLines(killed.metricsCsv()).size());
        assertTrue(Files.exists(killed.bestCheckpoint()));
        assertTrue(Files.readString(killed.provenance()).contains("\"dataHash\""));
    }

    @Test
    void aFailedCheckpointWriteLeavesThePreviousOneIntact() throws IOException {
        List<FieldSample> data = SynthSamples.generate(Difficulty.EASY.params(5, 12, 64, 8));
        TrainConfig c = config(1);
        RunDirectory run = new RunDirectory(tmp.resolve("atomic"));
        TrainingLoop.fromConfig(c, run, ClassifierFactory.REGISTRY, Progress.Factory.NONE).run(data, false);
        byte[] before = Files.readAllBytes(run.lastCheckpoint());
        {
            TrainState state = Checkpoint.readState(run.lastCheckpoint());
            ai.djl.nn.Block failing = new ai.djl.nn.LambdaBlock(x -> x) {
                @Override
                public void saveParameters(java.io.DataOutputStream os) throws IOException {
                    os.write(new byte[1000]);
                    throw new IOException("disk full");
                }
            };
            assertThrows(IOException.class, () -> Checkpoint.write(run.lastCheckpoint(), state, failing, null));
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(run.lastCheckpoint())));
        try (var files = Files.list(run.lastCheckpoint().getParent())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
