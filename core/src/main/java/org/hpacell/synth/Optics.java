package org.hpacell.synth;

import java.util.SplittableRandom;

/**
 * The microscope of one field: point-spread blur, a per-field exposure, uneven (radially falling)
 * illumination, uniform background, Poisson shot noise, Gaussian read noise, a black-level offset
 * clipped at zero (which makes the dark, sparse backgrounds of real HPA 16-bit images) and
 * quantisation to 8 or 16 bits.
 */
final class Optics {
    private final SynthParams.Optics p;
    private final int size;
    private final int bitDepth;
    private final double blurSigma;
    private final double exposure;
    private final float[] illumination;
    private final ShotNoise noise;

    /** @param unit the field's length unit (mean nucleus radius), pixels */
    Optics(SynthParams params, double unit, SplittableRandom rng) {
        this.p = params.optics();
        this.size = params.size();
        this.bitDepth = params.bitDepth();
        this.blurSigma = p.blur() * unit;
        double lo = Math.log(p.exposureMin()), hi = Math.log(p.exposureMax());
        this.exposure = Math.exp(lo + rng.nextDouble() * (hi - lo));
        this.illumination = illumination(rng);
        this.noise = new ShotNoise(rng);
    }

    /** The per-field exposure factor drawn for this field. */
    double exposure() {
        return exposure;
    }

    private float[] illumination(SplittableRandom rng) {
        double cx = size * (0.3 + 0.4 * rng.nextDouble()), cy = size * (0.3 + 0.4 * rng.nextDouble());
        double scale = p.illumination() / (0.5 * size * (double) size);
        float[] ill = new float[size * size];
        for (int y = 0; y < size; y++) {
            double dy = y - cy;
            for (int x = 0; x < size; x++) {
                double dx = x - cx;
                ill[y * size + x] = (float) Math.max(0.15, 1 - scale * (dx * dx + dy * dy));
            }
        }
        return ill;
    }

    /**
     * Images a stain: {@code density} (relative, about 1 where dense; blurred in place) times
     * {@code level} (fraction of full scale) through this field's optics. Returns the stored values
     * (0..255 or 0..65535) as floats.
     */
    float[] image(float[] density, double level) {
        GaussianBlur.apply(density, size, size, blurSigma);
        double photons = p.photons();
        double gain = level * exposure;
        double full = bitDepth == 16 ? 65535 : 255;
        double pre = bitDepth == 16 ? 1 : p.eightBitGain();
        float[] out = density;
        for (int i = 0; i < out.length; i++) {
            double v = gain * illumination[i] * density[i] + p.background();
            double counted = noise.poisson(v * photons) / photons + p.readNoise() * noise.normal() - p.blackLevel();
            double q = Math.min(1, Math.max(0, counted * pre));
            out[i] = (float) Math.rint(q * full);
        }
        return out;
    }
}
