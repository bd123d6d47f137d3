package org.hpacell.train.config;

/** Training-time augmentation; validation and prediction never augment. */
public final class AugmentConfig {
    /** Random horizontal flip (probability 0.5). */
    public boolean horizontalFlip = true;
    /** Random vertical flip (probability 0.5). */
    public boolean verticalFlip = true;
    /** Random rotation by 0, 90, 180 or 270 degrees. */
    public boolean rotate90 = true;
    /** Probability of a random resized crop (otherwise the whole field is resized). */
    public double cropProbability = 0.5;
    /** Smallest crop area as a share of the field. */
    public double cropMinScale = 0.5;
    /** Crop aspect ratios are drawn log-uniformly from [1/cropMaxRatio, cropMaxRatio]. */
    public double cropMaxRatio = 4.0 / 3.0;
    /** Per-channel brightness: an offset drawn from [-b, b] (on the normalised [0, 1] scale before std). */
    public double brightness = 0.1;
    /** Per-channel contrast: a factor drawn from [1 - c, 1 + c]. */
    public double contrast = 0.2;

    void validate() {
        unit("augment.cropProbability", cropProbability);
        if (!(cropMinScale > 0 && cropMinScale <= 1)) {
            throw new IllegalArgumentException("augment.cropMinScale must be in (0, 1], got " + cropMinScale);
        }
        if (!(cropMaxRatio >= 1)) {
            throw new IllegalArgumentException("augment.cropMaxRatio must be >= 1, got " + cropMaxRatio);
        }
        unit("augment.brightness", brightness);
        unit("augment.contrast", contrast);
    }

    static void unit(String key, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(key + " must be in [0, 1], got " + v);
        }
    }

    /** A configuration that changes nothing (validation, prediction). */
    public static AugmentConfig none() {
        AugmentConfig a = new AugmentConfig();
        a.horizontalFlip = false;
        a.verticalFlip = false;
        a.rotate90 = false;
        a.cropProbability = 0;
        a.brightness = 0;
        a.contrast = 0;
        return a;
    }
}
