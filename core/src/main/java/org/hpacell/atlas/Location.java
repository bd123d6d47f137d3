package org.hpacell.atlas;

import java.util.List;
import java.util.Locale;

/**
 * The 19 subcellular localisation classes of the HPA single-cell challenge, with the index each has
 * in {@code train.csv} and in submissions (HPA-REFERENCE.md section 2). The enum's ordinal is the
 * class index.
 */
public enum Location {
    NUCLEOPLASM("Nucleoplasm"),
    NUCLEAR_MEMBRANE("Nuclear membrane"),
    NUCLEOLI("Nucleoli"),
    NUCLEOLI_FIBRILLAR_CENTER("Nucleoli fibrillar center"),
    NUCLEAR_SPECKLES("Nuclear speckles"),
    NUCLEAR_BODIES("Nuclear bodies"),
    ENDOPLASMIC_RETICULUM("Endoplasmic reticulum"),
    GOLGI_APPARATUS("Golgi apparatus"),
    INTERMEDIATE_FILAMENTS("Intermediate filaments"),
    ACTIN_FILAMENTS("Actin filaments"),
    MICROTUBULES("Microtubules"),
    MITOTIC_SPINDLE("Mitotic spindle"),
    CENTROSOME("Centrosome"),
    PLASMA_MEMBRANE("Plasma membrane"),
    MITOCHONDRIA("Mitochondria"),
    AGGRESOME("Aggresome"),
    CYTOSOL("Cytosol"),
    VESICLES("Vesicles and punctate cytosolic patterns"),
    NEGATIVE("Negative");

    /** Number of classes (19). */
    public static final int COUNT = 19;

    private static final List<Location> ALL = List.of(values());

    private final String displayName;

    Location(String displayName) {
        this.displayName = displayName;
    }

    /** The class index, 0..18, as used in {@code train.csv} and submissions. */
    public int index() {
        return ordinal();
    }

    /** The class name exactly as HPA writes it, e.g. {@code "Nucleoli fibrillar center"}. */
    public String displayName() {
        return displayName;
    }

    /** All classes in index order. */
    public static List<Location> all() {
        return ALL;
    }

    /**
     * The class with the given index.
     *
     * @throws IllegalArgumentException if {@code index} is not in 0..18
     */
    public static Location of(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "unknown class index %d (valid: 0..%d)", index, COUNT - 1));
        }
        return ALL.get(index);
    }

    @Override
    public String toString() {
        return index() + " " + displayName;
    }
}
