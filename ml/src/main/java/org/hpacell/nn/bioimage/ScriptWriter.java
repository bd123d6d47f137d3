package org.hpacell.nn.bioimage;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hpacell.nn.TorchLayers;
import org.hpacell.nn.script.ScriptTensor;

/**
 * Writes the {@code forward} of a TorchScript module one assignment per line ({@code x0 = ...}), over a
 * network's tensors by torchvision-style name; each tensor it uses becomes an attribute of the module (the
 * name with {@code _} for {@code .}), weights and biases as parameters, running statistics as buffers.
 * Layers are written in inference mode (batch norm on the running statistics).
 */
final class ScriptWriter {
    private final Map<String, Parameter> parameters;
    private final Map<String, ScriptTensor> tensors = new LinkedHashMap<>();
    private final StringBuilder body = new StringBuilder();
    private int var;

    /** @param parameters the network's tensors by torch name ({@code TorchNames.of}) */
    ScriptWriter(Map<String, Parameter> parameters) {
        this.parameters = parameters;
    }

    /** A square convolution with padding half its kernel, with the bias {@code name.bias} if asked. */
    String conv(String x, String name, int stride, boolean bias) {
        long kernel = parameter(name + ".weight").getArray().getShape().get(2);
        long pad = kernel / 2;
        return line(String.format(Locale.ROOT, "torch.conv2d(%s, %s, %s, [%d, %d], [%d, %d], [1, 1], 1)", x,
                attr(name + ".weight", true), bias ? attr(name + ".bias", true) : "None", stride, stride, pad, pad));
    }

    /** Batch normalisation on the running statistics, with torchvision's momentum and epsilon. */
    String bn(String x, String name) {
        return line(String.format(Locale.ROOT, "torch.batch_norm(%s, %s, %s, %s, %s, False, %s, %s, True)", x,
                attr(name + ".weight", true), attr(name + ".bias", true), attr(name + ".running_mean", false),
                attr(name + ".running_var", false), number(TorchLayers.BN_MOMENTUM), number(TorchLayers.BN_EPSILON)));
    }

    String relu(String x) {
        return line("torch.relu(" + x + ")");
    }

    /** Assigns {@code expression} to a new variable and returns its name. */
    String line(String expression) {
        String name = "x" + var++;
        body.append("    ").append(name).append(" = ").append(expression).append('\n');
        return name;
    }

    /** {@code self.<attribute>}, recording the tensor on first use. */
    String attr(String torchName, boolean parameter) {
        String name = torchName.replace('.', '_');
        if (!tensors.containsKey(name)) {
            NDArray array = parameter(torchName).getArray();
            tensors.put(name, new ScriptTensor(array.toFloatArray(), array.getShape().getShape(), parameter));
        }
        return "self." + name;
    }

    boolean has(String torchName) {
        return parameters.containsKey(torchName);
    }

    /**
     * The module's source, {@code forward} returning {@code result}.
     *
     * @throws IllegalStateException if the forward pass left some of the network's tensors unused
     */
    String source(String className, String result) {
        if (tensors.size() != parameters.size()) {
            throw new IllegalStateException("the script uses " + tensors.size() + " of the network's "
                    + parameters.size() + " tensors");
        }
        StringBuilder s = new StringBuilder("class " + className + "(Module):\n");
        s.append(list("__parameters__", true)).append(list("__buffers__", false));
        s.append("  training : bool\n");
        tensors.keySet().forEach(name -> s.append("  ").append(name).append(" : Tensor\n"));
        s.append("  def forward(self: __torch__.").append(className).append(", x: Tensor) -> Tensor:\n");
        return s.append(body).append("    return ").append(result).append('\n').toString();
    }

    Map<String, ScriptTensor> tensors() {
        return tensors;
    }

    private Parameter parameter(String torchName) {
        Parameter p = parameters.get(torchName);
        if (p == null) {
            throw new IllegalStateException("the network has no tensor " + torchName);
        }
        return p;
    }

    /** The float as the double the engine computes with, in TorchScript's literal syntax. */
    private static String number(float v) {
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private String list(String field, boolean parameter) {
        StringBuilder s = new StringBuilder("  " + field + " = [");
        tensors.forEach((name, t) -> {
            if (t.parameter() == parameter) {
                s.append('"').append(name).append("\", ");
            }
        });
        return s.append("]\n").toString();
    }
}
