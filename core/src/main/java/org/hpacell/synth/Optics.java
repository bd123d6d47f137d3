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
    private final double illumCx, illumCy, illumScale;
    /** Scratch image of the blur, shared by the channels of the field. */
    private float[] blurScratch;
    private final ShotNoise noise;

    /** @param unit the field's length unit (mean nucleus radius), pixels */
    Optics(SynthParams params, double unit, SplittableRandom rng) {
        this.p = params.optics();
        this.size = params.size();
        this.bitDepth = params.bitDepth();
        this.blurSigma = p.blur() * unit;
        double lo = Math.log(p.exposureMin()), hi = Math.log(p.exposureMax());
        this.exposure = Math.exp(lo + rng.nextDouble() * (hi - lo));
        this.illumCx = size * (0.3 + 0.4 * rng.nextDouble());
        this.illumCy = size * (0.3 + 0.4 * rng.nextDouble());
        this.illumScale = p.illumination() / (0.5 * size * (double) size);
        this.noise = new ShotNoise(rng);
    }

    /** The per-field exposure factor drawn for this field. */
    double exposure() {
        return exposure;
    }

    /**
     * Images a stain: {@code density} (relative, about 1 where dense; blurred in place) times
     * {@code level} (fraction of full scale) through this field's optics. Returns the stored values
     * (0..255 or 0..65535) as floats.
     */
    float[] image(float[] density, double level) {
        if (blurScratch == null) blurScratch = new float[density.length];
        GaussianBlur.apply(density, size, size, blurSigma, blurScratch);
        float photons = (float) p.photons();
        float perPhoton = 1 / photons;
        float gain = (float) (level * exposure);
        float background = (float) p.background();
        float read = (float) p.readNoise();
        float black = (float) p.blackLevel();
        float full = bitDepth == 16 ? 65535f : 255f;
        float pre = bitDepth == 16 ? 1f : (float) p.eightBitGain();
        float[] out = density;
        // Deviates are drawn a row at a time: shot-noise deviates first, then read-noise deviates.
        float[] shot = new float[size], readZ = new float[size];
        for (int y = 0; y < size; y++) {
            noise.fillNormal(shot, size);
            noise.fillNormal(readZ, size);
            int row = y * size;
            double dy = y - illumCy;
            for (int x = 0; x < size; x++) {
                int i = row + x;
                double dx = x - illumCx;
                // Radial fall-off of the illumination from a random centre, floored at 15%.
                float ill = (float) Math.max(0.15, 1 - illumScale * (dx * dx + dy * dy));
                float lambda = (gain * ill * density[i] + background) * photons;
                float counts = ShotNoise.exact(lambda) ? noise.poisson(lambda) : ShotNoise.approximate(lambda, shot[x]);
                float v = (counts * perPhoton + read * readZ[x] - black) * pre;
                v = v < 0 ? 0 : (v > 1 ? 1 : v);
                out[i] = (float) (int) (v * full + 0.5f);
            }
        }
        return out;
    }
}
