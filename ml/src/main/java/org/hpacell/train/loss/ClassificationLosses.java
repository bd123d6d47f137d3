package org.hpacell.train.loss;

import java.util.Locale;
import org.hpacell.train.config.LossConfig;

/** Creates the {@link ClassificationLoss} a {@link LossConfig} names. */
public final class ClassificationLosses {
    private ClassificationLosses() {
    }

    public static ClassificationLoss of(LossConfig config) {
        return switch (config.name.toLowerCase(Locale.ROOT)) {
            case "bce" -> new BinaryCrossEntropy();
            case "focal" -> new FocalLoss(config.gamma, config.alpha);
            default -> throw new IllegalArgumentException("unknown loss '" + config.name + "' (bce, focal)");
        };
    }
}
