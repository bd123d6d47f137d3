package org.hpacell.image;

/**
 * The four stains of an HPA field of view, in the order hpacell stores them. The file suffix is the
 * one of the Kaggle/HPA layout ({@code ID_red.png}, ...).
 */
public enum Channel {
    /** Microtubules. */
    RED("red"),
    /** The protein of interest: the channel to classify. */
    GREEN("green"),
    /** Nucleus (DAPI). */
    BLUE("blue"),
    /** Endoplasmic reticulum. */
    YELLOW("yellow");

    /** Number of channels (4). */
    public static final int COUNT = 4;

    private final String suffix;

    Channel(String suffix) {
        this.suffix = suffix;
    }

    /** The file-name suffix, e.g. {@code "red"} for {@code ID_red.png}. */
    public String suffix() {
        return suffix;
    }
}
