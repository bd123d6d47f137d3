package org.hpacell.segnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.segment.HpaPrediction;
import org.hpacell.segment.SegmentationNetworks;
import org.hpacell.stage2.SegmenterClassifier;
import org.hpacell.train.TrainedModel;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.data.Augmenter;
import org.hpacell.train.data.Geometry;
import org.hpacell.train.data.InMemorySample;
import org.hpacell.train.data.PreparedSample;

/**
 * hpacell's two trained segmentation U-Nets ({@link SegmenterTraining}) as {@link SegmentationNetworks}.
 *
 * <p>A field goes through a network exactly as in training without augmentation: resized (whole, area
 * averaging when shrinking) to the training image size {@code S}, which is a multiple of the U-Net's
 * {@code 2^(depth-1)} (checked when loading), and normalised with the training run's per-channel
 * statistics; the softmax of the three logit maps is resized back to the field's size (bilinear) and
 * scaled to HPA's 0..255. Resizing the whole field matches how the networks were trained and, like
 * HPA's fixed 0.25 scale, makes the cost per field independent of its size.
 *
 * <p>Each call runs in a manager scope of its own (native memory stays flat over any number of fields).
 * Thread-safe: the forward pass of each network is serialised (the engine's intra-op threads use the
 * cores); resizing and normalisation run in the calling threads.
 */
public final class UNetSegmentationNetworks implements SegmentationNetworks {
    private final TrainedModel nuclei;
    private final TrainedModel cells;

    private UNetSegmentationNetworks(TrainedModel nuclei, TrainedModel cells) {
        this.nuclei = check(nuclei, SegmentationTarget.NUCLEI);
        this.cells = check(cells, SegmentationTarget.CELLS);
    }

    /**
     * Loads a trained model folder ({@code DIR/nuclei} and {@code DIR/cells}, each a training run or its
     * export: {@code config.json} and {@code checkpoints/best.ckpt}).
     *
     * @throws IllegalArgumentException naming the folder if it is not such a model
     */
    public static UNetSegmentationNetworks load(Path dir) throws IOException {
        for (SegmentationTarget t : SegmentationTarget.values()) {
            if (!Files.isDirectory(dir.resolve(t.key()))) {
                throw new IllegalArgumentException(dir + ": not a segmentation model (no " + t.key()
                        + "/ run folder; train one with hpacell train-segmenter)");
            }
        }
        TrainedModel n = TrainedModel.load(dir.resolve(SegmentationTarget.NUCLEI.key()), SegmenterTraining.NETWORKS);
        try {
            return new UNetSegmentationNetworks(n,
                    TrainedModel.load(dir.resolve(SegmentationTarget.CELLS.key()), SegmenterTraining.NETWORKS));
        } catch (IOException | RuntimeException e) {
            n.close();
            throw e;
        }
    }

    private static TrainedModel check(TrainedModel model, SegmentationTarget target) {
        String name = model.config().model;
        if (!name.startsWith(SegNets.PREFIX) || SegNets.target(name) != target) {
            model.close();
            throw new IllegalArgumentException("the " + target.key() + " model is a '" + name + "' network, not a "
                    + SegNets.PREFIX + target.key() + "-... network");
        }
        int multiple = ((SegmenterClassifier) model.network().classifier()).sizeMultiple();
        if (model.imageSize() % multiple != 0) {
            model.close();
            throw new IllegalArgumentException("the " + target.key() + " model's image size " + model.imageSize()
                    + " is not a multiple of " + multiple);
        }
        return model;
    }

    /** The side of the square the networks see. */
    public int imageSize() {
        return nuclei.imageSize();
    }

    @Override
    public HpaPrediction nuclei(FieldImage field) {
        return predict(nuclei, field);
    }

    @Override
    public HpaPrediction cells(FieldImage field) {
        return predict(cells, field);
    }

    private static HpaPrediction predict(TrainedModel model, FieldImage field) {
        int s = model.imageSize();
        PreparedSample p;
        try {
            p = new Augmenter(AugmentConfig.none(), model.normalization(), s).prepare(
                    new InMemorySample(field, LabelSet.EMPTY), field, Geometry.identity(field.width(), field.height(), s),
                    new SplittableRandom(0));
        } catch (IOException e) {
            throw new IllegalStateException("field " + field.id() + ": " + e.getMessage(), e);
        }
        float[] probs;
        synchronized (model) {
            try (NDManager m = model.manager().newSubManager()) {
                NDArray x = m.create(p.pixels(), new Shape(1, Channel.COUNT, s, s));
                probs = model.network().forward(x, false).get(1).softmax(1).toFloatArray();
            }
        }
        int plane = s * s;
        return new HpaPrediction(field.width(), field.height(),
                bytes(probs, TouchingBorders.BORDER * plane, s, field),
                bytes(probs, TouchingBorders.FOREGROUND * plane, s, field));
    }

    /** One probability plane resized to the field and scaled to 0..255 (rounded). */
    private static int[] bytes(float[] probs, int offset, int s, FieldImage field) {
        float[] plane = new float[s * s];
        System.arraycopy(probs, offset, plane, 0, plane.length);
        float[] r = PlaneResize.bilinear(plane, s, s, field.width(), field.height());
        int[] out = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = Math.max(0, Math.min(255, Math.round(r[i] * 255f)));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            nuclei.close();
        } finally {
            cells.close();
        }
    }
}
