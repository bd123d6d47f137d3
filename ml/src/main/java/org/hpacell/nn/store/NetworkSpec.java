package org.hpacell.nn.store;

import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Arrays;
import org.hpacell.nn.Architectures;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.FeatureEncoder;
import org.hpacell.nn.ResNetEncoder;
import org.hpacell.nn.unet.DoubleConvEncoder;
import org.hpacell.nn.unet.UNet;
import org.hpacell.nn.unet.UNetDecoder;

/**
 * What is needed to rebuild one of our networks before loading its parameters; saved as JSON
 * ({@code "kind": "classifier" | "unet"}) beside them by {@link NetworkFiles}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NetworkSpec.Classifier.class, name = "classifier"),
    @JsonSubTypes.Type(value = NetworkSpec.UNetNetwork.class, name = "unet")
})
public sealed interface NetworkSpec permits NetworkSpec.Classifier, NetworkSpec.UNetNetwork {
    /** The encoder name of the classic double-convolution U-Net encoder in a {@link UNetNetwork}. */
    String DOUBLE_CONV = "doubleconv";

    /** A fresh, uninitialised network of this shape. */
    Block build();

    /**
     * An image classifier of a registered architecture.
     *
     * @param architecture a name of {@link Architectures}
     */
    record Classifier(String architecture, int inChannels, int numClasses) implements NetworkSpec {
        @Override
        public EncoderClassifier build() {
            return Architectures.create(architecture, inChannels, numClasses);
        }
    }

    /**
     * A U-Net.
     *
     * @param encoder {@link #DOUBLE_CONV} or a name of {@link Architectures}
     * @param width first-stage channels of a {@link #DOUBLE_CONV} encoder (0 otherwise)
     * @param depth stages of a {@link #DOUBLE_CONV} encoder (0 otherwise)
     * @param decoderChannels the decoder's block channels, coarsest first
     */
    record UNetNetwork(String encoder, int inChannels, int numMaps, int width, int depth, int[] decoderChannels)
            implements NetworkSpec {
        public UNetNetwork {
            decoderChannels = decoderChannels.clone();
        }

        @Override
        public UNet build() {
            FeatureEncoder enc = encoder.equals(DOUBLE_CONV)
                    ? new DoubleConvEncoder(inChannels, width, depth)
                    : Architectures.encoder(encoder, inChannels);
            return new UNet(enc, new UNetDecoder(enc.stageChannels(), enc.stageStrides(), decoderChannels), numMaps);
        }

        @Override
        public int[] decoderChannels() {
            return decoderChannels.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UNetNetwork u && encoder.equals(u.encoder) && inChannels == u.inChannels
                    && numMaps == u.numMaps && width == u.width && depth == u.depth
                    && Arrays.equals(decoderChannels, u.decoderChannels);
        }

        @Override
        public int hashCode() {
            return encoder.hashCode() * 31 + Arrays.hashCode(decoderChannels);
        }

        @Override
        public String toString() {
            return "UNet(" + encoder + ", in " + inChannels + ", maps " + numMaps
                    + (encoder.equals(DOUBLE_CONV) ? ", width " + width + ", depth " + depth : "")
                    + ", decoder " + Arrays.toString(decoderChannels) + ")";
        }
    }

    /**
     * The spec of a network built by {@link Architectures} or {@link org.hpacell.nn.unet.UNets}.
     *
     * @throws IllegalArgumentException for networks that cannot be rebuilt by name (e.g. on a
     *     TorchScript encoder)
     */
    static NetworkSpec of(Block network) {
        if (network instanceof EncoderClassifier c) {
            return new Classifier(registeredName(c.encoder()), c.inChannels(), c.numClasses());
        }
        if (network instanceof UNet u) {
            FeatureEncoder e = u.encoder();
            int[] decoder = u.decoder().decoderChannels();
            if (e instanceof DoubleConvEncoder d) {
                return new UNetNetwork(DOUBLE_CONV, d.inChannels(), u.numMaps(), d.width(), d.depth(), decoder);
            }
            return new UNetNetwork(registeredName(e), e.inChannels(), u.numMaps(), 0, 0, decoder);
        }
        throw new IllegalArgumentException("cannot describe a " + network.getClass().getSimpleName() + " by name");
    }

    private static String registeredName(FeatureEncoder e) {
        if (!(e instanceof ResNetEncoder r) || !Architectures.contains(r.architecture())
                || !Architectures.spec(r.architecture()).equals(r.spec())) {
            throw new IllegalArgumentException(
                    "encoder " + e.architecture() + " is not a registered architecture; it cannot be saved by name");
        }
        return r.architecture();
    }
}
