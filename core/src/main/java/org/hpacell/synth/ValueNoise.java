package org.hpacell.synth;

import java.util.SplittableRandom;

/**
 * Smooth random textures: value noise (random values on a square lattice, interpolated with a
 * smoothstep-weighted bilinear blend), summed over octaves. Values lie in [0, 1]. Used for cell-outline
 * roughness and for the fine texture of stains; one texture serves a whole field.
 */
final class ValueNoise {
    private ValueNoise() {
    }

    /**
     * A {@code w x h} row-major texture of {@code octaves} octaves, the first with lattice spacing
     * {@code spacing} pixels, each next one half as coarse and half as strong.
     */
    static float[] field(int w, int h, double spacing, int octaves, SplittableRandom rng) {
        float[] out = new float[w * h];
        double amp = 1, total = 0;
        double s = Math.max(1.0, spacing);
        for (int o = 0; o < octaves; o++) {
            addOctave(out, w, h, s, (float) amp, rng);
            total += amp;
            amp *= 0.5;
            s = Math.max(1.0, s / 2);
        }
        float inv = (float) (1 / total);
        for (int i = 0; i < out.length; i++) {
            out[i] *= inv;
        }
        return out;
    }

    private static void addOctave(float[] out, int w, int h, double spacing, float amp, SplittableRandom rng) {
        int gw = (int) Math.ceil(w / spacing) + 2;
        int gh = (int) Math.ceil(h / spacing) + 2;
        float[] lattice = new float[gw * gh];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = (float) rng.nextDouble();
        }
        // Per-column lattice index and smoothstep weight, computed once for all rows.
        int[] ix = new int[w];
        float[] tx = new float[w];
        for (int x = 0; x < w; x++) {
            double fx = x / spacing;
            ix[x] = (int) fx;
            tx[x] = smooth((float) (fx - ix[x]));
        }
        // The blend is separable: each row first blends the two lattice rows around it (gw values),
        // then every pixel blends two neighbours of that blended row.
        float[] blended = new float[gw];
        for (int y = 0; y < h; y++) {
            double fy = y / spacing;
            int iy = (int) fy;
            float ty = smooth((float) (fy - iy));
            int r0 = iy * gw, r1 = r0 + gw;
            for (int i = 0; i < gw; i++) {
                blended[i] = lattice[r0 + i] + ty * (lattice[r1 + i] - lattice[r0 + i]);
            }
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = ix[x];
                out[row + x] += amp * (blended[i] + tx[x] * (blended[i + 1] - blended[i]));
            }
        }
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }
}
