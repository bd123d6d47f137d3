package org.hpacell.nn.unet;

import org.hpacell.nn.Architectures;
import org.hpacell.nn.FeatureEncoder;

/** Ready-made U-Nets. */
public final class UNets {
    /** HPA-Cell-Segmentation's output channels: unused (0), touching border (1), foreground (2). */
    public static final int HPA_SEGMENTATION_MAPS = 3;

    private UNets() {}

    /**
     * The segmentation U-Net for nuclei (1 input channel: blue) or cells (3: red, yellow, blue)
     * predicting HPA's three channels, with the classic double-convolution encoder.
     *
     * @param width channels of the first stage (doubling per stage)
     * @param depth number of encoder stages; inputs must be multiples of {@code 2^(depth-1)}
     */
    public static UNet segmentation(int inChannels, int width, int depth) {
        DoubleConvEncoder encoder = new DoubleConvEncoder(inChannels, width, depth);
        return new UNet(encoder, UNetDecoder.forEncoder(encoder), HPA_SEGMENTATION_MAPS);
    }

    /** A U-Net on any encoder (e.g. a trained classifier's {@code encoder()}), default decoder. */
    public static UNet withEncoder(FeatureEncoder encoder, int numMaps) {
        return new UNet(encoder, UNetDecoder.forEncoder(encoder), numMaps);
    }

    /** A U-Net on a fresh encoder of a registered architecture ({@code "resnet34"}, {@code "small"}, ...). */
    public static UNet withEncoder(String architecture, int inChannels, int numMaps) {
        return withEncoder(Architectures.encoder(architecture, inChannels), numMaps);
    }
}
