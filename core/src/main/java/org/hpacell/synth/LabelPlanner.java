package org.hpacell.synth;

import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;

/**
 * Gives classes to a field and to each of its cells - the single-cell variability that makes image
 * labels only a weak description of the cells.
 *
 * <ol>
 *   <li>The field draws 1-3 classes ({@code classesPerImage}) by {@code classFrequencies}, without
 *       replacement; Negative, if drawn first, stands alone and is never drawn later.</li>
 *   <li>Each cell starts from the field's classes. Mitosis changes them: a mitotic cell has no
 *       nucleus, so loses the nuclear classes (0-5) and the interphase network (10), and carries the
 *       mitotic spindle (11) exactly when the field shows it; interphase cells never carry 11.</li>
 *   <li>With probability {@code heterogeneity} a cell deviates, by weights: it is Negative (shows no
 *       specific signal), it lacks one of its classes (mosaic), or it gains one extra class of its own
 *       (drawn by frequency; never 11 in interphase, never a nuclear class in mitosis) up to 3.</li>
 *   <li>A cell left without classes is Negative; Negative never shares a cell with another class.</li>
 * </ol>
 * The image label set is the union of its cells' sets, Negative only if every cell is Negative
 * (see {@link SyntheticField#imageLabels()}).
 */
final class LabelPlanner {
    private static final int NUCLEAR_MASK = 0b111111; // classes 0..5
    private static final int SPINDLE = Location.MITOTIC_SPINDLE.index();
    private static final int NEGATIVE = Location.NEGATIVE.index();
    private static final int MICROTUBULES = Location.MICROTUBULES.index();

    private final SynthParams.Labels p;
    private final SynthParams.Stains stains;

    LabelPlanner(SynthParams params) {
        this.p = params.labels();
        this.stains = params.stains();
    }

    /** The field's own classes. */
    LabelSet fieldClasses(SplittableRandom rng) {
        int k = 1 + pick(rng, p.classesPerImage(), 0);
        int bits = 0;
        for (int n = 0; n < k; n++) {
            int exclude = bits | (n > 0 ? 1 << NEGATIVE : 0);
            int c = pick(rng, p.classFrequencies(), exclude);
            if (c < 0) break;
            if (c == NEGATIVE) return LabelSet.of(NEGATIVE);
            bits |= 1 << c;
        }
        return LabelSet.ofBits(bits);
    }

    /** Assigns each cell its label set and its per-class protein levels. */
    void assign(List<CellPlan> cells, LabelSet field, double exposureFreeLevel, SplittableRandom rng) {
        boolean fieldSpindle = field.contains(SPINDLE);
        for (CellPlan c : cells) {
            int bits = field.bits() & ~(1 << SPINDLE);
            if (c.mitotic) {
                bits &= ~NUCLEAR_MASK & ~(1 << MICROTUBULES);
                if (fieldSpindle) bits |= 1 << SPINDLE;
            }
            if (rng.nextDouble() < p.heterogeneity()) {
                bits = deviate(bits, c.mitotic, rng);
            }
            bits &= ~(1 << NEGATIVE);
            if (bits == 0 || (field.bits() == 1 << NEGATIVE && bits == 0)) {
                bits = 1 << NEGATIVE;
            }
            c.labels = LabelSet.ofBits(bits);
            double cell = exposureFreeLevel * logNormal(rng, stains.cellCv());
            for (int i : c.labels.indices()) {
                c.level[i] = cell * logNormal(rng, stains.classCv());
            }
        }
    }

    private int deviate(int bits, boolean mitotic, SplittableRandom rng) {
        double[] w = {p.negativeWeight(), p.dropWeight(), p.extraWeight()};
        int kind = pick(rng, w, 0);
        int real = bits & ~(1 << NEGATIVE);
        if (kind == 1 && Integer.bitCount(real) <= 1) kind = 0;
        if (kind == 2 && Integer.bitCount(real) >= 3) kind = 1;
        switch (kind) {
            case 0:
                return 0;
            case 1: {
                int drop = rng.nextInt(Integer.bitCount(real));
                int b = real;
                for (int i = 0; i < drop; i++) b &= b - 1;
                return real & ~Integer.lowestOneBit(b);
            }
            default: {
                int exclude = real | (1 << NEGATIVE) | (mitotic ? NUCLEAR_MASK | (1 << MICROTUBULES) : 1 << SPINDLE);
                int extra = pick(rng, p.classFrequencies(), exclude);
                return extra < 0 ? real : real | (1 << extra);
            }
        }
    }

    /** Index drawn with probability proportional to {@code weights}, skipping indices set in {@code exclude}; -1 if none. */
    static int pick(SplittableRandom rng, double[] weights, int exclude) {
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if ((exclude & (1 << i)) == 0) total += weights[i];
        }
        if (total <= 0) return -1;
        double r = rng.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if ((exclude & (1 << i)) != 0 || weights[i] <= 0) continue;
            last = i;
            r -= weights[i];
            if (r < 0) return i;
        }
        return last;
    }

    /** A log-normal factor of median 1 and log-sigma {@code sigma}. */
    static double logNormal(SplittableRandom rng, double sigma) {
        return Math.exp(sigma * StarShape.gaussian(rng));
    }
}
