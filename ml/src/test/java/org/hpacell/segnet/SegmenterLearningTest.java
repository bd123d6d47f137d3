package org.hpacell.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.image.LabelImage;
import org.hpacell.progress.Progress;
import org.hpacell.segment.HpaPrediction;
import org.hpacell.segment.NetworkSegmenter;
import org.hpacell.segment.Segmentation;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segmentation networks learn through the one training engine: tiny U-Nets trained for a few dozen
 * steps on small synthetic fields predict the foreground of fields they did not see, and the trained
 * model folder loads as {@link UNetSegmentationNetworks} and segments through HPA's post-processing.
 */
class SegmenterLearningTest {
    private static final int SIZE = 96;

    @TempDir
    Path tmp;

    private static TrainConfig tiny(int epochs) {
        TrainConfig c = SegmenterTraining.defaults();
        c.model = "segnet-nuclei-w8-d3";
        c.imageSize = SIZE;
        c.epochs = epochs;
        // the setting this test was calibrated with: Adam 0.01, brightness offsets 0.1, border weight 2
        c.optimizer.learningRate = 0.01;
        c.augment.brightness = 0.1;
        c.objective.options.put("borderWeight", 2.0);
        c.batchSize = 8;
        c.loaderThreads = 1;
        c.engineThreads = 2;
        c.seed = 3;
        return c;
    }

    /** Intersection over union of "foreground > 127" and the true objects. */
    private static double foregroundIou(HpaPrediction p, LabelImage truth) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < truth.array().length; i++) {
            boolean a = p.foreground()[i] + p.border()[i] > 127;
            boolean b = truth.array()[i] > 0;
            inter += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
        }
        return (double) inter / union;
    }

    @Test
    void aTinyUNetLearnsNucleiOfUnseenFieldsAndTheModelSegments() throws IOException {
        SynthParams train = SynthParams.defaults(11, 32, SIZE, 16);
        Path model = tmp.resolve("model");
        // nuclei: 56 steps of 8 fields; cells: one epoch, enough for a model folder that loads
        SegmenterTraining.train(t -> TruthSamples.generate(train, t), model,
                List.of(SegmentationTarget.NUCLEI), tiny(14), false, Progress.Factory.NONE);
        SegmenterTraining.train(t -> TruthSamples.generate(train, t), model,
                List.of(SegmentationTarget.CELLS), tiny(1), false, Progress.Factory.NONE);
        RunDirectory nucleiRun = new RunDirectory(model.resolve("nuclei"));
        assertTrue(Files.isRegularFile(nucleiRun.bestCheckpoint()));
        assertEquals(15, Files.readString(nucleiRun.metricsCsv()).lines().count(), "14 epochs logged");

        FieldGenerator unseen = new FieldGenerator(SynthParams.defaults(99, 4, SIZE, 16).validate());
        try (UNetSegmentationNetworks nets = UNetSegmentationNetworks.load(model)) {
            assertEquals(SIZE, nets.imageSize());
            double nucleiIou = 0;
            for (int i = 0; i < 4; i++) {
                SyntheticField f = unseen.generate(i);
                nucleiIou += foregroundIou(nets.nuclei(f.image()), f.nuclei()) / 4;
            }
            System.out.printf("segmentation U-Net on unseen synthetic fields: nucleus foreground IoU %.3f%n", nucleiIou);
            assertTrue(nucleiIou >= 0.8, "nucleus foreground IoU " + nucleiIou);
        }
        try (NetworkSegmenter segmenter = ShippedSegmenter.segmenter(model, false)) {
            SyntheticField f = unseen.generate(0);
            Segmentation s = segmenter.segment(f.image());
            assertEquals(SIZE, s.cells().width());
            assertTrue(s.cells().objects().size() >= 1, "the post-processing finds cells");
        }
    }

    @Test
    void aFolderThatIsNotASegmentationModelIsRejectedClearly() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UNetSegmentationNetworks.load(tmp.resolve("empty")));
        assertTrue(e.getMessage().contains("not a segmentation model"), e.getMessage());
    }
}
