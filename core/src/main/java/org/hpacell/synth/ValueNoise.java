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
        for (int y = 0; y < h; y++) {
            double fy = y / spacing;
            int iy = (int) fy;
            float ty = smooth((float) (fy - iy));
            int r0 = iy * gw, r1 = r0 + gw;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = ix[x];
                float t = tx[x];
                float top = lattice[r0 + i] + t * (lattice[r0 + i + 1] - lattice[r0 + i]);
                float bot = lattice[r1 + i] + t * (lattice[r1 + i + 1] - lattice[r1 + i]);
                out[row + x] += amp * (top + ty * (bot - top));
            }
        }
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }
}
