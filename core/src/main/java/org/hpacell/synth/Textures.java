package org.hpacell.synth;

import java.util.SplittableRandom;

/**
 * The random textures of one field, scaled to its cells: {@code fine} (granularity of stains),
 * {@code coarse} (chromatin, illumination-scale variations), {@code ridge} (a network of thin ridges:
 * the reticulum) and {@code rough} (outline roughness). Values in [0, 1].
 */
final class Textures {
    final float[] fine;
    final float[] coarse;
    final float[] ridge;
    final float[] rough;

    /** @param unit the field's length unit (typical nucleus radius), pixels */
    Textures(int size, double unit, SplittableRandom rng) {
        fine = ValueNoise.field(size, size, Math.max(2, 0.18 * unit), 2, rng);
        coarse = ValueNoise.field(size, size, Math.max(3, 0.7 * unit), 2, rng);
        float[] net = ValueNoise.field(size, size, Math.max(2, 0.3 * unit), 2, rng);
        ridge = new float[net.length];
        for (int i = 0; i < net.length; i++) {
            // Ridges where the texture crosses its middle value: 1 on the ridge line, falling steeply.
            float t = 1 - Math.abs(2 * net[i] - 1);
            float t2 = t * t;
            ridge[i] = t2 * t2;
        }
        // Outline roughness varies on the scale of chromatin texture; one texture serves both.
        rough = coarse;
    }
}
