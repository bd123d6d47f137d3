package org.hpacell.nn.bioimage;

import java.util.Map;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.ResNetEncoder;
import org.hpacell.nn.ResNetSpec;
import org.hpacell.nn.script.ScriptTensor;

/**
 * A trained classifier of the ResNet family ({@link EncoderClassifier} on a {@link ResNetEncoder}) as
 * TorchScript source with its weights as the module's tensors: the stem (convolution, batch norm, ReLU,
 * optional max pool), the residual units (basic or bottleneck, with their downsample shortcuts), global
 * average pooling and the linear head, in inference mode (batch norm on the running statistics). {@code
 * forward(x: (N, 4, H, W)) -> (N, 19)} returns the sigmoid of the logits, the probabilities hpacell scores.
 *
 * <p>Attributes are the torchvision state-dict names with {@code _} for {@code .} (e.g. {@code
 * layer1_0_conv1_weight}).
 *
 * @param source  the TorchScript source of class {@link #CLASS_NAME}
 * @param tensors the module's tensors by attribute name
 */
public record ClassifierScript(String source, Map<String, ScriptTensor> tensors) {
    /** The module's class name. */
    public static final String CLASS_NAME = "HpaCellClassifier";

    /**
     * The script of {@code classifier}.
     *
     * @throws IllegalArgumentException when its encoder is not a ResNet (e.g. a TorchScript backbone)
     */
    public static ClassifierScript of(EncoderClassifier classifier) {
        if (!(classifier.encoder() instanceof ResNetEncoder encoder)) {
            throw new IllegalArgumentException("cannot export a " + classifier.architecture()
                    + " network: only the ResNet family (small, resnet18, ..., resnet152) is exported");
        }
        ScriptWriter w = new ScriptWriter(classifier.torchParameters());
        ResNetSpec spec = encoder.spec();
        String x = w.relu(w.bn(w.conv("x", "conv1", 2, false), "bn1"));
        if (spec.stemPool()) {
            x = w.line("torch.max_pool2d(" + x + ", [3, 3], [2, 2], [1, 1], [1, 1], False)");
        }
        int[] units = spec.units();
        for (int s = 0; s < units.length; s++) {
            for (int u = 0; u < units[s]; u++) {
                x = unit(w, x, "layer" + (s + 1) + "." + u + ".", spec.bottleneck(), u == 0 ? spec.stageStride(s) : 1);
            }
        }
        String pooled = w.line("torch.mean(" + x + ", [2, 3])");
        String logits = w.line("torch.linear(" + pooled + ", " + w.attr("fc.weight", true) + ", "
                + w.attr("fc.bias", true) + ")");
        return new ClassifierScript(w.source(CLASS_NAME, "torch.sigmoid(" + logits + ")"), w.tensors());
    }

    /** A residual unit: the stride on the first 3x3 (basic) or on the 3x3 (bottleneck), as torchvision. */
    private static String unit(ScriptWriter w, String in, String prefix, boolean bottleneck, int stride) {
        int convs = bottleneck ? 3 : 2;
        int strided = bottleneck ? 2 : 1;
        String y = in;
        for (int i = 1; i <= convs; i++) {
            y = w.bn(w.conv(y, prefix + "conv" + i, i == strided ? stride : 1, false), prefix + "bn" + i);
            if (i < convs) {
                y = w.relu(y);
            }
        }
        String shortcut = w.has(prefix + "downsample.0.weight")
                ? w.bn(w.conv(in, prefix + "downsample.0", stride, false), prefix + "downsample.1")
                : in;
        return w.relu(w.line("torch.add(" + y + ", " + shortcut + ")"));
    }
}
