package org.hpacell.stage2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.image.FieldImage;
import org.hpacell.nn.Architectures;
import org.hpacell.nn.unet.UNets;
import org.hpacell.progress.Progress;
import org.hpacell.pseudo.PixelPseudoLabeler;
import org.hpacell.pseudo.PixelPseudoLabels;
import org.hpacell.pseudo.PseudoLabelConfig;
import org.hpacell.pseudo.TargetMode;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.Network;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainedModel;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.ClassificationLosses;
import org.hpacell.train.metric.AveragePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The U-Net semantic segmenter on pixel pseudo labels, trained by the one engine. */
class SemanticSegmentationTest {
    private static final ClassifierFactory NETS = SegmenterClassifier.factory(Architectures::create);

    @TempDir
    Path tmp;

    @Test
    void logitsAreTheMeanOfTheMapsAndTheClassifierIsTheIdentity() {
        SegmenterClassifier net = new SegmenterClassifier(UNets.withEncoder("small", 4, 19));
        assertEquals("unet-small", net.architecture());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 4, 32, 32));
            NDList out = new Network(net, m, 32, 1L).forward(x, false);
            assertEquals(new Shape(2, 19, 32, 32), out.get(1).getShape());
            NDArray gap = out.get(1).mean(new int[] {3}).mean(new int[] {2});
            NDArray viaContract = gap.matMul(net.classifierWeight().transpose()).add(net.classifierBias());
            assertArrayEquals(gap.toFloatArray(), out.get(0).toFloatArray(), 1e-5f);
            assertArrayEquals(viaContract.toFloatArray(), out.get(0).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void pixelTargetsAreResizedToTheBatchAndGeometricAugmentationIsRejected() {
        float[][] t = new float[19][];
        t[5] = new float[] {1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0}; // 4x4, left half
        PixelPseudoLabels p = new PixelPseudoLabels(4, 4, TargetMode.HARD, LabelSet.of(5), t);
        PreparedSample s = new PreparedSample("f", new float[4 * 8 * 8], 8, LabelSet.of(5).toMultiHot(), null);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainBatch b = PixelTargetBatchBuilder.of(Map.of("f", p)).build(List.of(s), m, new SplittableRandom(1));
            NDArray targets = b.extras().get(PixelTargetBatchBuilder.PIXEL_TARGETS);
            assertEquals(new Shape(1, 19, 8, 8), targets.getShape());
            float[] v = targets.toFloatArray();
            int c5 = 5 * 64;
            assertEquals(1f, v[c5], 1e-6f, "left edge");
            assertEquals(0f, v[c5 + 7], 1e-6f, "right edge");
            // half-pixel centres: output x 3 samples source x 1.25 (3/4 inside), output x 4 samples 1.75
            assertEquals(0.75f, v[c5 + 3 * 8 + 3], 1e-6f, "the boundary blends");
            assertEquals(0.25f, v[c5 + 3 * 8 + 4], 1e-6f, "the boundary blends");
            assertEquals(0f, targets.get(0, 4).sum().getFloat(), "other classes are empty");
            PreparedSample other = new PreparedSample("g", new float[4 * 8 * 8], 8, new float[19], null);
            assertThrows(RuntimeException.class, () -> PixelTargetBatchBuilder.of(Map.of("f", p))
                    .build(List.of(other), m, new SplittableRandom(1)));
        }
        assertThrows(IllegalArgumentException.class, () -> PixelTargetBatchBuilder.requireAligned(new AugmentConfig()));
        PixelTargetBatchBuilder.requireAligned(AugmentConfig.none());
    }

    @Test
    void aUNetTrainedOnPixelPseudoLabelsScoresCells() throws IOException {
        List<CellPatternFields.Field> all = CellPatternFields.make(40, 21);
        List<CellPatternFields.Field> train = all.subList(0, 30);
        PixelPseudoLabeler labeler = new PixelPseudoLabeler(PseudoLabelConfig.defaults());
        Map<String, PixelPseudoLabels> pixels = new HashMap<>();
        List<FieldSample> samples = new ArrayList<>();
        for (CellPatternFields.Field f : train) {
            pixels.put(f.image().id(), labeler.label(CellPatternFields.camsOf(f), f.imageLabels()));
            samples.add(new InMemorySample(f.image(), f.imageLabels()));
        }
        TrainConfig c = ConfigFiles.parse("""
                {"model": "unet-small", "seed": 5, "epochs": 12, "batchSize": 8, "imageSize": 64,
                 "validationFraction": 0.2, "loaderThreads": 1, "engineThreads": 1,
                 "optimizer": {"name": "adam", "learningRate": 0.01},
                 "schedule": {"warmupEpochs": 0.5}, "loss": {"name": "focal"}}
                """);
        c.augment = AugmentConfig.none();
        c.augment.brightness = 0.1;
        PixelTargetBatchBuilder.requireAligned(c.augment);
        RunDirectory run = new RunDirectory(tmp.resolve("semseg"));
        new TrainingLoop(c, run, NETS, new SegmentationObjective(ClassificationLosses.of(c.loss)),
                PixelTargetBatchBuilder.of(pixels), Progress.Factory.NONE).run(samples, false);

        List<float[]> scores = new ArrayList<>();
        List<float[]> truth = new ArrayList<>();
        try (TrainedModel trained = TrainedModel.load(run.root(), NETS)) {
            SegmenterScorer scorer = new SegmenterScorer(trained);
            for (CellPatternFields.Field f : all.subList(30, 40)) {
                FieldImage image = f.image();
                for (CellScores s : scorer.score(image, f.cells())) {
                    scores.add(s.scores());
                    truth.add(f.truth().get(s.cellId()).toMultiHot());
                }
            }
        }
        double ap = AveragePrecision.macro(AveragePrecision.perClass(scores.toArray(new float[0][]),
                truth.toArray(new float[0][])));
        assertTrue(ap > 0.9, "semantic segmentation cell mAP " + ap);
    }
}
