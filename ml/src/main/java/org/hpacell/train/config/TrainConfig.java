package org.hpacell.train.config;

/**
 * Every hyper-parameter of a training run. Field names are the JSON keys; missing keys keep the defaults
 * written here. See docs/ARCHITECTURE.md ("Training engine") for the meaning of each key.
 */
public final class TrainConfig {
    /** Architecture name in the network registry, e.g. {@code "small"} or {@code "resnet50"}. */
    public String model = "small";
    /** Seed of everything random: weight initialisation, split, data order, augmentation. */
    public long seed = 42L;
    public int epochs = 10;
    public int batchSize = 8;
    /** Side of the square training images in pixels (fields are resized to it). */
    public int imageSize = 256;
    /** Share of the fields held out for validation (chosen by the seed, stable across resumes). */
    public double validationFraction = 0.2;
    /** Loader threads that read and augment fields in the background. */
    public int loaderThreads = 2;
    /** Batches prepared ahead of the training step. */
    public int prefetchBatches = 2;
    /** Intra-op threads of the native engine; 0 = the number of cores. */
    public int engineThreads = 0;

    public NormalizationConfig normalization = new NormalizationConfig();
    public AugmentConfig augment = new AugmentConfig();
    public SamplerConfig sampler = new SamplerConfig();
    public OptimizerConfig optimizer = new OptimizerConfig();
    public ScheduleConfig schedule = new ScheduleConfig();
    public LossConfig loss = new LossConfig();
    /** The training objective plug-in (the default trains a plain image classifier). */
    public PluginConfig objective = new PluginConfig("classifier");
    /** The batch-builder plug-in (the default stacks the augmented fields). */
    public PluginConfig batchBuilder = new PluginConfig("images");

    /**
     * Checks value ranges.
     *
     * @throws IllegalArgumentException naming the key and the problem
     */
    public void validate() {
        positive("epochs", epochs);
        positive("batchSize", batchSize);
        positive("imageSize", imageSize);
        positive("loaderThreads", loaderThreads);
        positive("prefetchBatches", prefetchBatches);
        if (engineThreads < 0) {
            throw new IllegalArgumentException("engineThreads must be >= 0, got " + engineThreads);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), got " + validationFraction);
        }
        normalization.validate();
        augment.validate();
        sampler.validate();
        optimizer.validate();
        schedule.validate();
        loss.validate();
    }

    static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
