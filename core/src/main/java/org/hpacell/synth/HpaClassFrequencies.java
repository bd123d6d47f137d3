package org.hpacell.synth;

import org.hpacell.atlas.Location;

/**
 * The default class weights of the generator: image-level label counts of the 2021 HPA single-cell
 * training set (21,806 fields), rounded as quoted in public analyses of its {@code train.csv}. They
 * set how often a class is drawn for a field; what matters is the strong imbalance (nucleoplasm and
 * cytosol common, aggresome and mitotic spindle rare), not the exact figures.
 */
public final class HpaClassFrequencies {
    private static final double[] COUNTS = {
        8797, // 0 Nucleoplasm
        1075, // 1 Nuclear membrane
        2258, // 2 Nucleoli
        1226, // 3 Nucleoli fibrillar center
        1621, // 4 Nuclear speckles
        2513, // 5 Nuclear bodies
        1008, // 6 Endoplasmic reticulum
        2822, // 7 Golgi apparatus
        1360, // 8 Intermediate filaments
        997,  // 9 Actin filaments
        1185, // 10 Microtubules
        98,   // 11 Mitotic spindle
        1606, // 12 Centrosome
        3777, // 13 Plasma membrane
        2965, // 14 Mitochondria
        322,  // 15 Aggresome
        5619, // 16 Cytosol
        2019, // 17 Vesicles and punctate cytosolic patterns
        342,  // 18 Negative
    };

    private HpaClassFrequencies() {
    }

    /** A fresh copy of the 19 weights in class-index order. */
    public static double[] weights() {
        if (COUNTS.length != Location.COUNT) {
            throw new IllegalStateException("class table has " + COUNTS.length + " entries");
        }
        return COUNTS.clone();
    }

    /** Equal weights for every class, for balanced benchmarks. */
    public static double[] uniform() {
        double[] w = new double[Location.COUNT];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }
}
