package org.hpacell.nn;

import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of network architectures by name: {@code small}, {@code resnet18}, {@code resnet34},
 * {@code resnet50}, {@code resnet101}, {@code resnet152}, each also with output stride 16 as {@code
 * NAME-os16} (e.g. {@code resnet50-os16}) for finer class activation maps.
 *
 * <p>Networks are returned uninitialised; initialise with {@code block.initialize(manager,
 * DataType.FLOAT32, new Shape(1, inChannels, H, W))} (or through a DJL trainer). Encoder
 * convolutions are set to torchvision's initialisation, Kaiming normal with fan-out ({@code
 * std = sqrt(2 / fanOut)}); batch norm starts at weight 1, bias 0.
 */
public final class Architectures {
    private static final Map<String, ResNetSpec> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("small", ResNetSpec.small());
        for (int depth : new int[] {18, 34, 50, 101, 152}) {
            ResNetSpec spec = ResNetSpec.torchvision(depth);
            SPECS.put(spec.name(), spec);
        }
    }

    private Architectures() {}

    /** The registered names, smallest network first. */
    public static List<String> names() {
        return List.copyOf(SPECS.keySet());
    }

    /** Whether {@code name} is registered (with or without the {@code -os16} suffix). */
    public static boolean contains(String name) {
        return SPECS.containsKey(baseName(name));
    }

    private static String baseName(String name) {
        return name.endsWith(ResNetSpec.OS16_SUFFIX)
                ? name.substring(0, name.length() - ResNetSpec.OS16_SUFFIX.length())
                : name;
    }

    /**
     * The shape of a registered architecture; {@code NAME-os16} gives NAME with output stride 16
     * (see {@link ResNetSpec#withOutputStride16()}).
     */
    public static ResNetSpec spec(String name) {
        ResNetSpec spec = SPECS.get(baseName(name));
        if (spec != null && !baseName(name).equals(name)) {
            return spec.withOutputStride16();
        }
        if (spec == null) {
            throw new IllegalArgumentException(
                    "unknown architecture '" + name + "'; known: " + String.join(", ", SPECS.keySet()));
        }
        return spec;
    }

    /** A feature encoder (no classifier) of a registered architecture, e.g. for a U-Net. */
    public static FeatureEncoder encoder(String name, int inChannels) {
        ResNetEncoder encoder = new ResNetEncoder(spec(name), inChannels);
        encoder.setInitializer(
                new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2),
                Parameter.Type.WEIGHT);
        return encoder;
    }

    /** An image classifier of a registered architecture (GAP + linear head on the encoder). */
    public static EncoderClassifier create(String name, int inChannels, int numClasses) {
        return new EncoderClassifier(encoder(name, inChannels), numClasses);
    }
}
