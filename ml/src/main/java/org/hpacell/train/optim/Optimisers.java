package org.hpacell.train.optim;

import java.util.Locale;
import org.hpacell.train.config.OptimizerConfig;

/** Creates the optimiser an {@link OptimizerConfig} names. */
public final class Optimisers {
    private Optimisers() {
    }

    public static Optimiser of(OptimizerConfig c, TrainableParameters params) {
        return switch (c.name.toLowerCase(Locale.ROOT)) {
            case "adam" -> new Adam(params, c.beta1, c.beta2, c.epsilon, c.weightDecay, false);
            case "adamw" -> new Adam(params, c.beta1, c.beta2, c.epsilon, c.weightDecay, true);
            case "sgd" -> new Sgd(params, c.momentum, c.weightDecay);
            default -> throw new IllegalArgumentException("unknown optimizer '" + c.name + "' (adam, adamw, sgd)");
        };
    }
}
