package org.hpacell.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.progress.Progress;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.DataSplit;
import org.hpacell.synth.Difficulty;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.SynthSamples;
import org.hpacell.train.metric.AveragePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine learns: the small network trained for about a minute on a small synthetic atlas (160
 * fields of 128 px, easy preset, resized to 96 px) beats the label-frequency baseline clearly.
 * System properties {@code hpacell.learn.fields}, {@code .epochs}, {@code .difficulty} vary the setting
 * for manual runs.
 */
class LearningTest {
    @TempDir
    Path tmp;

    /** Macro AP of a constant predictor on the validation fields: the mean positive rate of present classes. */
    static double frequencyBaseline(List<FieldSample> validation) {
        float[][] scores = new float[validation.size()][19];
        float[][] targets = new float[validation.size()][];
        for (int i = 0; i < validation.size(); i++) {
            targets[i] = validation.get(i).labels().toMultiHot();
        }
        return AveragePrecision.macro(AveragePrecision.perClass(scores, targets));
    }

    @Test
    void smallNetworkLearnsTheSyntheticAtlas() throws IOException {
        List<FieldSample> data = SynthSamples.generate(
                Difficulty.valueOf(System.getProperty("hpacell.learn.difficulty", "EASY"))
                        .params(3, Integer.getInteger("hpacell.learn.fields", 160), 128, 8));
        TrainConfig c = ConfigFiles.parse("""
                {"model": "small", "seed": 1, "epochs": %d, "batchSize": 16, "imageSize": 96,
                 "validationFraction": 0.25, "engineThreads": 2,
                 "optimizer": {"name": "adamw", "learningRate": 0.005, "weightDecay": 0.0001},
                 "schedule": {"warmupEpochs": 1}, "loss": {"name": "focal"}}
                """.formatted(Integer.getInteger("hpacell.learn.epochs", 10)));
        long t0 = System.nanoTime();
        TrainingLoop.Result r = TrainingLoop.fromConfig(c, new RunDirectory(tmp.resolve("synth")),
                ClassifierFactory.REGISTRY, Progress.Factory.NONE).run(data, false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double baseline = frequencyBaseline(DataSplit.of(data, 0.25, 1).validation());
        System.out.printf("LearningTest (synth): best validation macro AP %.3f (epoch %d) vs label-frequency baseline %.3f, %.1f s%n",
                r.bestMacroAp(), r.bestEpoch(), baseline, seconds);
        r.metrics().forEach(m -> System.out.printf("  epoch %d train %.4f val %.4f AP %.3f%n", m.epoch(), m.trainLoss(),
                m.valLoss(), m.valMacroAp()));
        assertTrue(r.bestMacroAp() > baseline + 0.2, "macro AP " + r.bestMacroAp() + " vs baseline " + baseline);
    }
}
