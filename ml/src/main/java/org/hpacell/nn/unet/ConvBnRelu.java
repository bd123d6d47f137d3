package org.hpacell.nn.unet;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import org.hpacell.nn.TorchLayers;

/** {@code n} times (3x3 convolution without bias, batch norm, ReLU): the U-Net's convolution block. */
final class ConvBnRelu {
    private ConvBnRelu() {}

    /** Two 3x3 convolution + BN + ReLU layers of {@code filters} channels ("double conv"). */
    static SequentialBlock twice(int filters) {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < 2; i++) {
            block.add(TorchLayers.conv(3, 1, filters)).add(TorchLayers.batchNorm()).add(Activation.reluBlock());
        }
        return block;
    }
}
