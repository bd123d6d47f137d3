package org.hpacell.train.data;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the run's seed and integer keys (epoch,
 * position, purpose), with the SplitMix64 finaliser, so every task owns its generator and results do
 * not depend on which thread ran it or in what order.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed mixed from {@code seed} and {@code keys} (order matters). */
    public static long derive(long seed, long... keys) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long k : keys) {
            h = mix(h ^ mix(k + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** A generator for {@link #derive(long, long...)}. */
    public static SplittableRandom random(long seed, long... keys) {
        return new SplittableRandom(derive(seed, keys));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
