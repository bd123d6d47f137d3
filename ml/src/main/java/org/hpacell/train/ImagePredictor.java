package org.hpacell.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.atlas.Location;
import org.hpacell.image.FieldImage;
import org.hpacell.progress.Progress;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.data.Augmenter;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.Geometry;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.StreamingLoader;

/**
 * Image-level probabilities of a {@link TrainedModel}, in batches: fields are read and resized on loader
 * threads, every batch runs in a manager scope of its own (native memory stays flat however many
 * fields), and results come out in input order.
 *
 * <p>Test-time augmentation (optional): the mean of the sigmoid probabilities of five views: the field
 * at the training size, flipped horizontally, flipped vertically, and resized to 1.2x and 1.4x the
 * training size (the classifier pools globally, so any input size works).
 */
public final class ImagePredictor {
    /** The test-time scales besides 1. */
    public static final double[] TTA_SCALES = {1.2, 1.4};

    private final TrainedModel model;
    private final int batchSize;
    private final int threads;
    private final boolean tta;

    public ImagePredictor(TrainedModel model, int batchSize, int threads, boolean tta) {
        this.model = model;
        this.batchSize = batchSize;
        this.threads = threads;
        this.tta = tta;
    }

    /** Receives each field's probabilities, in input order. */
    @FunctionalInterface
    public interface Sink {
        void accept(String id, float[] probabilities) throws IOException;
    }

    /**
     * Predicts every sample; unreadable fields are skipped and returned as "id: problem".
     */
    public List<String> predict(List<FieldSample> samples, Sink sink, Progress progress) throws IOException {
        int size = model.imageSize();
        Augmenter plain = new Augmenter(AugmentConfig.none(), model.normalization(), size);
        StreamingLoader.Preparer<List<PreparedSample>> views = (sample, rng) -> views(plain, sample, rng, size);
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        try (StreamingLoader<List<PreparedSample>> loader = new StreamingLoader<>(samples, views, threads, 2, 0)) {
            Iterator<List<List<PreparedSample>>> it = loader.epoch(order, batchSize, false, 0, 0);
            while (it.hasNext()) {
                List<List<PreparedSample>> batch = it.next();
                if (!batch.isEmpty()) {
                    float[] probs = predictBatch(batch);
                    for (int i = 0; i < batch.size(); i++) {
                        float[] p = new float[Location.COUNT];
                        System.arraycopy(probs, i * Location.COUNT, p, 0, Location.COUNT);
                        sink.accept(batch.get(i).get(0).id(), p);
                    }
                }
                progress.step(batch.size());
            }
            return loader.failures();
        }
    }

    private List<PreparedSample> views(Augmenter plain, FieldSample sample, SplittableRandom rng, int size)
            throws IOException {
        FieldImage f = sample.image();
        List<PreparedSample> out = new ArrayList<>(1 + TTA_SCALES.length);
        out.add(plain.prepare(sample, f, Geometry.identity(f.width(), f.height(), size), rng));
        if (tta) {
            for (double s : TTA_SCALES) {
                int scaled = (int) Math.round(size * s);
                out.add(plain.prepare(sample, f, Geometry.identity(f.width(), f.height(), scaled), rng));
            }
        }
        return out;
    }

    /** Mean probabilities over the views, {@code (N * 19)} row-major. */
    private float[] predictBatch(List<List<PreparedSample>> batch) {
        try (NDManager m = model.manager().newSubManager()) {
            int views = batch.get(0).size();
            NDArray sum = null;
            int count = 0;
            for (int v = 0; v < views; v++) {
                List<PreparedSample> view = new ArrayList<>(batch.size());
                for (List<PreparedSample> s : batch) {
                    view.add(s.get(v));
                }
                NDArray x = ImagesBatchBuilder.images(view, m);
                List<NDArray> inputs = v == 0 && tta ? List.of(x, x.flip(3), x.flip(2)) : List.of(x);
                for (NDArray in : inputs) {
                    NDArray p = model.network().forward(in, false).get(0).getNDArrayInternal().sigmoid();
                    sum = sum == null ? p : sum.add(p);
                    count++;
                }
            }
            return sum.div(count).toFloatArray();
        }
    }
}
