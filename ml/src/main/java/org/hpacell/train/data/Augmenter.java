package org.hpacell.train.data;

import java.io.IOException;
import java.util.SplittableRandom;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.train.config.AugmentConfig;

/**
 * Turns a {@link FieldSample} into a {@link PreparedSample}: a random {@link Geometry} (or the identity
 * when augmentation is off), resampling, per-channel brightness/contrast ({@code v -> c * v + b} on the
 * [0, 1] scale, c and b drawn per channel) and normalisation. All randomness comes from the generator
 * the caller passes, drawn in a fixed order. Thread-safe (stateless).
 */
public final class Augmenter {
    private final AugmentConfig config;
    private final Normalization normalization;
    private final int size;

    public Augmenter(AugmentConfig config, Normalization normalization, int size) {
        this.config = config;
        this.normalization = normalization;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** Reads, augments and normalises one sample. */
    public PreparedSample prepare(FieldSample sample, SplittableRandom rng) throws IOException {
        FieldImage f = sample.image();
        Geometry g = Geometry.random(f.width(), f.height(), size, config, rng);
        return prepare(sample, f, g, rng);
    }

    /**
     * Prepares a sample through a given geometry, whose size may differ from {@link #size()} (test-time
     * scales); photometric randomness still comes from {@code rng}.
     */
    public PreparedSample prepare(FieldSample sample, FieldImage f, Geometry g, SplittableRandom rng)
            throws IOException {
        int side = g.size();
        int plane = side * side;
        float[] pixels = new float[Channel.COUNT * plane];
        for (Channel c : Channel.values()) {
            int ci = c.ordinal();
            float scale = normalization.scale(f, c);
            float contrast = (float) (1 + (2 * rng.nextDouble() - 1) * config.contrast);
            float brightness = (float) ((2 * rng.nextDouble() - 1) * config.brightness);
            float[] r = Resampler.bilinear(f.channel(c), f.width(), f.height(), g);
            float mean = normalization.mean()[ci];
            float inv = 1f / normalization.std()[ci];
            int off = ci * plane;
            for (int i = 0; i < plane; i++) {
                pixels[off + i] = (contrast * r[i] * scale + brightness - mean) * inv;
            }
        }
        int[] cells = null;
        var cellImage = sample.cells();
        if (cellImage.isPresent()) {
            LabelImage li = cellImage.get();
            if (li.width() != f.width() || li.height() != f.height()) {
                throw new IOException("field " + sample.id() + ": cell label image is " + li.width() + "x"
                        + li.height() + " but the field is " + f.width() + "x" + f.height());
            }
            cells = Resampler.nearest(li.array(), li.width(), li.height(), g);
        }
        return new PreparedSample(sample.id(), pixels, side, sample.labels().toMultiHot(), cells);
    }
}
