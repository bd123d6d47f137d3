package org.hpacell.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyTorch state-dict names for the parameters of a DJL block tree, so that weights can be
 * exchanged with torchvision/timm by name.
 *
 * <p>Rules of the generic walk (a {@link TorchNamed} block overrides it for its subtree):
 *
 * <ul>
 *   <li>A child added with {@code addChildBlock(name, ...)} is stored by DJL as {@code "%02d" +
 *       name}; the two-digit counter is dropped, leaving {@code name}.
 *   <li>Children of a {@link SequentialBlock} are named by their 0-based position, as in {@code
 *       nn.Sequential} ({@code layer1.0.conv1}).
 *   <li>Parameter names: Conv/Linear {@code weight, bias} are kept; BatchNorm's {@code gamma, beta,
 *       runningMean, runningVar} become {@code weight, bias, running_mean, running_var}.
 * </ul>
 *
 * PyTorch's {@code num_batches_tracked} buffers have no DJL counterpart (DJL does not count batches;
 * torchvision only reads them when {@code momentum=None}).
 */
public final class TorchNames {
    private TorchNames() {}

    /** Parameters of {@code block} by PyTorch name, in DJL's registration order. */
    public static Map<String, Parameter> of(Block block) {
        if (block instanceof TorchNamed named) {
            return named.torchParameters();
        }
        Map<String, Parameter> names = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            names.put(parameterName(p.getKey()), p.getValue());
        }
        int index = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            String childName =
                    block instanceof SequentialBlock ? Integer.toString(index) : childName(child.getKey());
            index++;
            for (Map.Entry<String, Parameter> e : of(child.getValue()).entrySet()) {
                names.put(childName + "." + e.getKey(), e.getValue());
            }
        }
        return names;
    }

    /** A DJL child key without its two-digit counter ({@code "03layer1"} gives {@code "layer1"}). */
    static String childName(String key) {
        if (key.length() > 2 && Character.isDigit(key.charAt(0)) && Character.isDigit(key.charAt(1))) {
            return key.substring(2);
        }
        return key;
    }

    /** The PyTorch name of a DJL parameter name. */
    static String parameterName(String djlName) {
        return switch (djlName) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            default -> djlName;
        };
    }
}
