package org.hpacell.stage2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.nn.Architectures;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.progress.Progress;
import org.hpacell.pseudo.CellGrader;
import org.hpacell.pseudo.CellPseudoLabels;
import org.hpacell.pseudo.Grade;
import org.hpacell.pseudo.PseudoLabelConfig;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainPlugins;
import org.hpacell.train.TrainedModel;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.metric.AveragePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage-2 cell models learn on the one training engine (small network, tiny crops, a few epochs). */
class CellClassifierTrainingTest {
    private static final ClassifierFactory NETS = Architectures::create;
    private static final CellCropper CROPPER = new CellCropper(2);

    @TempDir
    Path tmp;

    private static TrainConfig config() throws IOException {
        return ConfigFiles.parse("""
                {"model": "small", "seed": 3, "epochs": 6, "batchSize": 16, "imageSize": 32,
                 "validationFraction": 0.2, "loaderThreads": 1, "engineThreads": 1,
                 "optimizer": {"name": "adam", "learningRate": 0.005},
                 "schedule": {"warmupEpochs": 0.5}, "loss": {"name": "bce"}}
                """);
    }

    private double trainAndScore(String name, CellTargets targets, boolean soft, List<CellPatternFields.Field> train,
                                 List<CellPatternFields.Field> test) throws IOException {
        CellSamples samples = new CellSamples(CROPPER, targets);
        for (CellPatternFields.Field f : train) {
            samples.add(f.image(), f.cells(), f.imageLabels());
        }
        TrainConfig c = config();
        RunDirectory run = new RunDirectory(tmp.resolve(name));
        BatchBuilder builder = soft ? samples.softBatchBuilder() : new ImagesBatchBuilder();
        new TrainingLoop(c, run, NETS, TrainPlugins.objective(c), builder, Progress.Factory.NONE)
                .run(samples.samples(), false);
        List<float[]> scores = new ArrayList<>();
        List<float[]> truth = new ArrayList<>();
        try (TrainedModel trained = TrainedModel.load(run.root(), NETS)) {
            CellClassifierScorer scorer = new CellClassifierScorer(trained, CROPPER, 32);
            for (CellPatternFields.Field f : test) {
                for (CellScores s : scorer.score(f.image(), f.cells())) {
                    scores.add(s.scores());
                    truth.add(f.truth().get(s.cellId()).toMultiHot());
                }
            }
        }
        return AveragePrecision.macro(AveragePrecision.perClass(scores.toArray(new float[0][]),
                truth.toArray(new float[0][])));
    }

    @Test
    void oracleAndFiveLevelCellClassifiersLearnCellLabels() throws IOException {
        List<CellPatternFields.Field> all = CellPatternFields.make(40, 11);
        List<CellPatternFields.Field> train = all.subList(0, 30);
        List<CellPatternFields.Field> test = all.subList(30, 40);

        Map<String, Map<Integer, LabelSet>> truth = new HashMap<>();
        Map<String, CellPseudoLabels> graded = new HashMap<>();
        CellGrader grader = new CellGrader(PseudoLabelConfig.defaults());
        for (CellPatternFields.Field f : train) {
            truth.put(f.image().id(), f.truth());
            graded.put(f.image().id(), grader.grade(f.image().id(), CellPatternFields.camsOf(f), f.cells(), f.imageLabels()));
        }
        double oracle = trainAndScore("oracle", CellTargets.truth(truth), false, train, test);
        double fiveLevel = trainAndScore("five", CellTargets.graded(graded, Grade.MEDIUM), true, train, test);
        assertTrue(oracle > 0.9, "oracle cell mAP " + oracle);
        assertTrue(fiveLevel > 0.9, "five-level cell mAP " + fiveLevel);
    }
}
