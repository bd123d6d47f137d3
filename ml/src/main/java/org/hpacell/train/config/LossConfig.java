package org.hpacell.train.config;

import java.util.Locale;

/** The classification loss of the objective: {@code bce} or {@code focal}. */
public final class LossConfig {
    public String name = "focal";
    /** Focal loss focusing parameter. */
    public double gamma = 2;
    /** Focal loss weight of positives, in [0, 1]; negative = no weighting (the default). */
    public double alpha = -1;

    void validate() {
        String n = name.toLowerCase(Locale.ROOT);
        if (!n.equals("bce") && !n.equals("focal")) {
            throw new IllegalArgumentException("loss.name must be bce or focal, got '" + name + "'");
        }
        if (!(gamma >= 0)) {
            throw new IllegalArgumentException("loss.gamma must be >= 0, got " + gamma);
        }
        if (alpha > 1) {
            throw new IllegalArgumentException("loss.alpha must be <= 1, got " + alpha);
        }
    }
}
