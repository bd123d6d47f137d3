package org.hpacell.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.progress.Progress;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.DataSplit;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.metric.AveragePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine learns: a tiny network on small pattern fields beats the label-frequency baseline clearly. */
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
    void tinyNetworkLearnsPatternFields() throws IOException {
        List<FieldSample> data = PatternFields.make(160, 48, 11);
        TrainConfig c = ConfigFiles.parse("""
                {"model": "small", "seed": 1, "epochs": 12, "batchSize": 16, "imageSize": 48,
                 "validationFraction": 0.25, "engineThreads": 1,
                 "optimizer": {"name": "adamw", "learningRate": 0.01, "weightDecay": 0.0001},
                 "schedule": {"warmupEpochs": 1}, "loss": {"name": "bce"}}
                """);
        long t0 = System.nanoTime();
        TrainingLoop.Result r = TrainingLoop.fromConfig(c, new RunDirectory(tmp), ClassifierFactory.REGISTRY,
                Progress.Factory.NONE).run(data, false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double baseline = frequencyBaseline(DataSplit.of(data, 0.25, 1).validation());
        System.out.printf("LearningTest: best validation macro AP %.3f (epoch %d) vs label-frequency baseline %.3f, %.1f s%n",
                r.bestMacroAp(), r.bestEpoch(), baseline, seconds);
        assertTrue(r.bestMacroAp() > baseline + 0.35, "macro AP " + r.bestMacroAp() + " vs baseline " + baseline);
    }
}
