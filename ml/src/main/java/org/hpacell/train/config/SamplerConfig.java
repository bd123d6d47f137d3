package org.hpacell.train.config;

/** How the training order of an epoch is drawn. */
public final class SamplerConfig {
    /**
     * Class-balanced sampling: an epoch draws {@code epochSize} fields with replacement, each with
     * probability proportional to the largest inverse class frequency among its labels.
     */
    public boolean classBalanced = false;
    /**
     * The seed solution's option for unbalanced data: each field labelled with the most frequent class
     * only (Nucleoplasm alone, in HPA) is left out of an epoch with this probability (0 = off).
     */
    public double dropMostFrequent = 0;
    /** Fields per epoch; 0 = the number of training fields. */
    public int epochSize = 0;

    void validate() {
        AugmentConfig.unit("sampler.dropMostFrequent", dropMostFrequent);
        if (epochSize < 0) {
            throw new IllegalArgumentException("sampler.epochSize must be >= 0, got " + epochSize);
        }
    }
}
