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
    private final double illumCx, illumCy;
    /** Illumination fall-off per squared pixel of distance from its centre. */
    private final float illum;
    /** Squared horizontal distance of each column from the illumination centre. */
    private final float[] dx2;
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
        this.illum = (float) (p.illumination() / (0.5 * size * (double) size));
        this.dx2 = new float[size];
        for (int x = 0; x < size; x++) {
            dx2[x] = (float) ((x - illumCx) * (x - illumCx));
        }
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
        // Where the shot noise takes its normal approximation (lambda >= 20 photons; ShotNoise) the
        // shot and read noise are two independent normal terms, so they are drawn as one normal deviate
        // of the summed variance lambda / photons^2 + read^2: the same distribution from half the
        // deviates. (The approximation's clipping at 0 counts never acts there: the deviates are capped
        // at 3.5 sigma and sqrt(20) * 3.5 < 20.) Deviates are drawn a row at a time; below 20 photons the
        // exact Poisson count is drawn and a read-noise deviate follows it from the same stream.
        float[] z = new float[size], lambda = new float[size];
        float read2 = read * read, perPhoton2 = perPhoton * perPhoton;
        for (int y = 0; y < size; y++) {
            noise.fillNormal(z, size);
            int row = y * size;
            float dy2 = (float) ((y - illumCy) * (y - illumCy));
            for (int x = 0; x < size; x++) {
                // Radial fall-off of the illumination from a random centre, floored at 15%.
                float ill = Math.max(0.15f, 1 - illum * (dx2[x] + dy2));
                lambda[x] = (gain * ill * density[row + x] + background) * photons;
            }
            for (int x = 0; x < size; x++) {
                float l = lambda[x];
                float v;
                if (ShotNoise.exact(l)) {
                    v = noise.poisson(l) * perPhoton + read * noise.normal();
                } else {
                    v = l * perPhoton + (float) Math.sqrt(l * perPhoton2 + read2) * z[x];
                }
                v = (v - black) * pre;
                v = v < 0 ? 0 : (v > 1 ? 1 : v);
                out[row + x] = (float) (int) (v * full + 0.5f);
            }
        }
        return out;
    }
}
