package org.hpacell.train.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;

/** The default batch builder: images stacked to {@code (N, 4, S, S)} and targets to {@code (N, 19)}. */
public final class ImagesBatchBuilder implements BatchBuilder {
    @Override
    public TrainBatch build(List<PreparedSample> samples, NDManager manager, SplittableRandom random) {
        return new TrainBatch(images(samples, manager), targets(samples, manager), List.copyOf(samples), Map.of());
    }

    /** The stacked images of {@code samples}, one native copy. */
    public static NDArray images(List<PreparedSample> samples, NDManager manager) {
        int s = samples.get(0).size();
        int per = Channel.COUNT * s * s;
        FloatBuffer buf = FloatBuffer.allocate(per * samples.size());
        for (PreparedSample p : samples) {
            if (p.size() != s) {
                throw new IllegalArgumentException("samples of one batch differ in size: " + p.size() + " vs " + s);
            }
            buf.put(p.pixels());
        }
        buf.flip();
        return manager.create(buf, new Shape(samples.size(), Channel.COUNT, s, s));
    }

    /** The stacked multi-hot targets of {@code samples}. */
    public static NDArray targets(List<PreparedSample> samples, NDManager manager) {
        float[] t = new float[samples.size() * Location.COUNT];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(samples.get(i).target(), 0, t, i * Location.COUNT, Location.COUNT);
        }
        return manager.create(t, new Shape(samples.size(), Location.COUNT));
    }
}
