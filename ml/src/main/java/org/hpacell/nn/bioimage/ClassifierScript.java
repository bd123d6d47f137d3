package org.hpacell.nn.bioimage;

import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.ResNetEncoder;
import org.hpacell.nn.ResNetSpec;
import org.hpacell.nn.TorchLayers;
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
        return new Builder(classifier.torchParameters()).build(encoder.spec());
    }

    /** Writes the forward pass line by line and collects the tensors it uses. */
    private static final class Builder {
        private final Map<String, Parameter> parameters;
        private final Map<String, ScriptTensor> tensors = new LinkedHashMap<>();
        private final StringBuilder body = new StringBuilder();
        private int var;

        Builder(Map<String, Parameter> parameters) {
            this.parameters = parameters;
        }

        ClassifierScript build(ResNetSpec spec) {
            String x = conv("x", "conv1", 2);
            x = relu(bn(x, "bn1"));
            if (spec.stemPool()) {
                x = line("torch.max_pool2d(" + x + ", [3, 3], [2, 2], [1, 1], [1, 1], False)");
            }
            int[] units = spec.units();
            for (int s = 0; s < units.length; s++) {
                for (int u = 0; u < units[s]; u++) {
                    x = unit(x, "layer" + (s + 1) + "." + u + ".", spec.bottleneck(), u == 0 ? spec.stageStride(s) : 1);
                }
            }
            String pooled = line("torch.mean(" + x + ", [2, 3])");
            String logits = line("torch.linear(" + pooled + ", " + attr("fc.weight", true) + ", "
                    + attr("fc.bias", true) + ")");
            body.append("    return torch.sigmoid(").append(logits).append(")\n");
            if (tensors.size() != parameters.size()) {
                throw new IllegalStateException("the script uses " + tensors.size() + " of the network's "
                        + parameters.size() + " tensors");
            }
            return new ClassifierScript(source(), tensors);
        }

        private String unit(String in, String prefix, boolean bottleneck, int stride) {
            int convs = bottleneck ? 3 : 2;
            int strided = bottleneck ? 2 : 1;
            String y = in;
            for (int i = 1; i <= convs; i++) {
                y = bn(conv(y, prefix + "conv" + i, i == strided ? stride : 1), prefix + "bn" + i);
                if (i < convs) {
                    y = relu(y);
                }
            }
            String shortcut = parameters.containsKey(prefix + "downsample.0.weight")
                    ? bn(conv(in, prefix + "downsample.0", stride), prefix + "downsample.1")
                    : in;
            return relu(line("torch.add(" + y + ", " + shortcut + ")"));
        }

        /** A convolution without bias, padding half its kernel (as torchvision's). */
        private String conv(String x, String name, int stride) {
            long kernel = shapeOf(name + ".weight")[2];
            long pad = kernel / 2;
            return line(String.format(Locale.ROOT, "torch.conv2d(%s, %s, None, [%d, %d], [%d, %d], [1, 1], 1)",
                    x, attr(name + ".weight", true), stride, stride, pad, pad));
        }

        private String bn(String x, String name) {
            return line(String.format(Locale.ROOT, "torch.batch_norm(%s, %s, %s, %s, %s, False, %s, %s, True)", x,
                    attr(name + ".weight", true), attr(name + ".bias", true), attr(name + ".running_mean", false),
                    attr(name + ".running_var", false), number(TorchLayers.BN_MOMENTUM),
                    number(TorchLayers.BN_EPSILON)));
        }

        private String relu(String x) {
            return line("torch.relu(" + x + ")");
        }

        private String line(String expression) {
            String name = "x" + var++;
            body.append("    ").append(name).append(" = ").append(expression).append('\n');
            return name;
        }

        private long[] shapeOf(String torchName) {
            return parameter(torchName).getArray().getShape().getShape();
        }

        private Parameter parameter(String torchName) {
            Parameter p = parameters.get(torchName);
            if (p == null) {
                throw new IllegalStateException("the network has no tensor " + torchName);
            }
            return p;
        }

        /** {@code self.<attribute>}, recording the tensor on first use. */
        private String attr(String torchName, boolean parameter) {
            String name = torchName.replace('.', '_');
            if (!tensors.containsKey(name)) {
                var array = parameter(torchName).getArray();
                tensors.put(name, new ScriptTensor(array.toFloatArray(), array.getShape().getShape(), parameter));
            }
            return "self." + name;
        }

        /** The float as the double the engine computes with, in TorchScript's literal syntax. */
        private static String number(float v) {
            return Double.toString(v).toLowerCase(Locale.ROOT);
        }

        private String source() {
            StringBuilder s = new StringBuilder("class " + CLASS_NAME + "(Module):\n");
            s.append(list("__parameters__", true)).append(list("__buffers__", false));
            s.append("  training : bool\n");
            tensors.keySet().forEach(name -> s.append("  ").append(name).append(" : Tensor\n"));
            s.append("  def forward(self: __torch__.").append(CLASS_NAME).append(", x: Tensor) -> Tensor:\n");
            return s.append(body).toString();
        }

        private String list(String field, boolean parameters) {
            StringBuilder s = new StringBuilder("  " + field + " = [");
            tensors.forEach((name, t) -> {
                if (t.parameter() == parameters) {
                    s.append('"').append(name).append("\", ");
                }
            });
            return s.append("]\n").toString();
        }
    }
}
