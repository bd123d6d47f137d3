package org.hpacell.io;

import java.util.Random;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;

/** Random fields for the dataset tests. */
final class TestFields {
    private TestFields() {
    }

    /** A field of random integer values covering the whole range of the bit depth. */
    static FieldImage random(String id, int width, int height, int bitDepth, long seed) {
        Random rnd = new Random(seed);
        float[][] planes = new float[Channel.COUNT][width * height];
        for (float[] p : planes) {
            for (int i = 0; i < p.length; i++) {
                p[i] = rnd.nextInt(1 << bitDepth);
            }
        }
        planes[0][0] = (1 << bitDepth) - 1;
        return new FieldImage(id, width, height, bitDepth, planes);
    }
}
