package org.hpacell.synth;

import java.util.SplittableRandom;

/**
 * Derives the random generator of one field from the dataset seed and the field index, so that every
 * field is a pure function of (seed, index) and fields can be generated in any order on any thread.
 */
public final class FieldSeeds {
    private FieldSeeds() {
    }

    /** A fresh generator for field {@code index} of the dataset with seed {@code seed}. */
    public static SplittableRandom forField(long seed, long index) {
        return new SplittableRandom(mix64(mix64(seed) ^ mix64(0x632BE59BD9B4E019L + index)));
    }

    /** A bijective 64-bit finaliser (the MurmurHash3 fmix64 constants): spreads nearby inputs apart. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
