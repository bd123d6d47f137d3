package org.hpacell.nn.bioimage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpacell.nn.FeatureEncoder;
import org.hpacell.nn.TorchNames;
import org.hpacell.nn.script.ScriptTensor;
import org.hpacell.nn.unet.DoubleConvEncoder;
import org.hpacell.nn.unet.UNet;
import org.hpacell.segnet.ChannelSelectingEncoder;

/**
 * A trained segmentation U-Net ({@code segnet-TARGET-wW-dD}: the double-convolution encoder, on the target's
 * channels of the field) as TorchScript source with its weights as the module's tensors: channel selection,
 * the encoder's double convolutions with 2x2 max pools, the decoder's nearest up-sampling, skip
 * concatenations and double convolutions, the 3x3 head with bias, in inference mode. {@code forward(x: (N, 4,
 * H, W)) -> (N, 3, H, W)} returns the softmax over HPA's three maps (background, touching border, foreground),
 * as hpacell's segmentation reads them; {@code H} and {@code W} must be multiples of {@code 2^(D-1)}.
 *
 * @param source  the TorchScript source of class {@link #CLASS_NAME}
 * @param tensors the module's tensors by attribute name
 */
public record UNetScript(String source, Map<String, ScriptTensor> tensors) {
    /** The module's class name. */
    public static final String CLASS_NAME = "HpaCellSegmenter";

    /**
     * The script of {@code unet}.
     *
     * @throws IllegalArgumentException when its encoder is not the double-convolution encoder
     */
    public static UNetScript of(UNet unet) {
        FeatureEncoder encoder = unet.encoder();
        FeatureEncoder inner = encoder;
        int[] selected = null;
        String prefix = "encoder.";
        if (encoder instanceof ChannelSelectingEncoder c) {
            selected = c.selected();
            inner = c.inner();
            prefix = "encoder.inner.";
        }
        if (!(inner instanceof DoubleConvEncoder)) {
            throw new IllegalArgumentException("cannot export a U-Net on a " + encoder.architecture()
                    + " encoder: only segmentation U-Nets (segnet-nuclei|cells-wW-dD) are exported");
        }
        ScriptWriter w = new ScriptWriter(TorchNames.of(unet));
        String x = "x";
        if (selected != null) {
            List<String> parts = new ArrayList<>();
            for (int c : selected) {
                parts.add("torch.slice(x, 1, " + c + ", " + (c + 1) + ", 1)");
            }
            x = w.line("torch.cat([" + String.join(", ", parts) + "], 1)");
        }
        int[] strides = encoder.stageStrides();
        int n = strides.length;
        List<String> stages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                x = w.line("torch.max_pool2d(" + x + ", [2, 2], [2, 2], [0, 0], [1, 1], False)");
            }
            x = doubleConv(w, x, prefix + "stage" + i);
            stages.add(x);
        }
        int blocks = n - 1 + (strides[0] > 1 ? 1 : 0);
        for (int j = 0; j < blocks; j++) {
            int factor = j < n - 1 ? strides[n - 1 - j] / strides[n - 2 - j] : strides[0];
            if (factor > 1) {
                x = w.line("torch.repeat_interleave(torch.repeat_interleave(" + x + ", " + factor + ", 2), "
                        + factor + ", 3)");
            }
            if (j < n - 1) {
                x = w.line("torch.cat([" + x + ", " + stages.get(n - 2 - j) + "], 1)");
            }
            x = doubleConv(w, x, "decoder.block" + j);
        }
        String logits = w.conv(x, "head", 1, true);
        return new UNetScript(w.source(CLASS_NAME, "torch.softmax(" + logits + ", 1)"), w.tensors());
    }

    /** Two (3x3 convolution, batch norm, ReLU) of a sequential block: children 0-2 and 3-5. */
    private static String doubleConv(ScriptWriter w, String x, String block) {
        for (int i = 0; i < 2; i++) {
            x = w.relu(w.bn(w.conv(x, block + "." + 3 * i, 1, false), block + "." + (3 * i + 1)));
        }
        return x;
    }
}
