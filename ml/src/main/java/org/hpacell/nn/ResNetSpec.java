package org.hpacell.nn;

import java.util.Arrays;

/**
 * The shape of a ResNet: its stem, unit type, units per stage and stage widths.
 *
 * @param name registry name, e.g. {@code "resnet50"}
 * @param stemKernel kernel of the stride-2 stem convolution (7 in torchvision)
 * @param stemWidth filters of the stem convolution (64 in torchvision)
 * @param stemPool whether the 3x3 stride-2 max pool (padding 1) follows the stem, as in
 *     torchvision; without it the first stage has stride 2 instead, so strides stay 2, 4, 8, 16, 32
 * @param bottleneck bottleneck units (expansion 4) instead of basic units
 * @param units residual units per stage
 * @param widths unit width per stage (a bottleneck stage outputs {@code 4 * width} channels)
 * @param outputStride 32 (torchvision), or 16: the last stage keeps its input resolution (stride 1
 *     in its first unit, as weakly supervised segmentation networks such as Puzzle-CAM use for finer
 *     class activation maps); parameter shapes, and so imported weights, are the same
 */
public record ResNetSpec(
        String name,
        int stemKernel,
        int stemWidth,
        boolean stemPool,
        boolean bottleneck,
        int[] units,
        int[] widths,
        int outputStride) {

    /** Suffix of the output-stride-16 variant of a registered name, e.g. {@code resnet50-os16}. */
    public static final String OS16_SUFFIX = "-os16";

    private static final int[] TORCHVISION_WIDTHS = {64, 128, 256, 512};

    public ResNetSpec {
        if (units.length != widths.length || units.length == 0) {
            throw new IllegalArgumentException(
                    name + ": units " + Arrays.toString(units) + " and widths " + Arrays.toString(widths)
                            + " must be non-empty and of equal length");
        }
        if (outputStride != 32 && outputStride != 16) {
            throw new IllegalArgumentException(name + ": output stride must be 32 or 16, got " + outputStride);
        }
        units = units.clone();
        widths = widths.clone();
    }

    /** This shape with output stride 16, named {@code name + "-os16"}. */
    public ResNetSpec withOutputStride16() {
        return new ResNetSpec(name + OS16_SUFFIX, stemKernel, stemWidth, stemPool, bottleneck, units, widths, 16);
    }

    /** Stride of stage {@code i} (0-based, not counting the stem) relative to the previous stage. */
    public int stageStride(int i) {
        if (i == 0) {
            return stemPool ? 1 : 2;
        }
        return i == units.length - 1 && outputStride == 16 ? 1 : 2;
    }

    /** torchvision's ResNet of the given depth: 18, 34, 50, 101 or 152. */
    public static ResNetSpec torchvision(int depth) {
        return switch (depth) {
            case 18 -> tv(depth, false, 2, 2, 2, 2);
            case 34 -> tv(depth, false, 3, 4, 6, 3);
            case 50 -> tv(depth, true, 3, 4, 6, 3);
            case 101 -> tv(depth, true, 3, 4, 23, 3);
            case 152 -> tv(depth, true, 3, 8, 36, 3);
            default -> throw new IllegalArgumentException(
                    "no torchvision ResNet of depth " + depth + " (18, 34, 50, 101, 152)");
        };
    }

    private static ResNetSpec tv(int depth, boolean bottleneck, int... units) {
        return new ResNetSpec("resnet" + depth, 7, 64, true, bottleneck, units, TORCHVISION_WIDTHS, 32);
    }

    /**
     * The small CPU network: a 3x3 stem of 16 filters without max pool and one basic unit per
     * stage of widths 24, 32, 64, 128 (about 315,000 parameters; output stride 32).
     */
    public static ResNetSpec small() {
        return new ResNetSpec("small", 3, 16, false, false, new int[] {1, 1, 1, 1}, new int[] {24, 32, 64, 128}, 32);
    }

    @Override
    public int[] units() {
        return units.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** Output channels of stage {@code i} (0-based, not counting the stem). */
    public int stageOutChannels(int i) {
        return bottleneck ? widths[i] * ResidualUnit.BOTTLENECK_EXPANSION : widths[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResNetSpec s
                && name.equals(s.name)
                && stemKernel == s.stemKernel
                && stemWidth == s.stemWidth
                && stemPool == s.stemPool
                && bottleneck == s.bottleneck
                && Arrays.equals(units, s.units)
                && Arrays.equals(widths, s.widths)
                && outputStride == s.outputStride;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(units)) + Arrays.hashCode(widths);
    }

    @Override
    public String toString() {
        return name + "(stem " + stemKernel + "x" + stemKernel + "/" + stemWidth + (stemPool ? "+pool" : "")
                + (bottleneck ? ", bottleneck" : ", basic") + ", units " + Arrays.toString(units)
                + ", widths " + Arrays.toString(widths) + ", output stride " + outputStride + ")";
    }
}
