package org.hpacell.nn.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpacell.nn.TorchNames;

/**
 * Sets a network's parameters from a PyTorch state dict by name ({@link TorchNames}), checking
 * everything before changing anything.
 *
 * <p>Export from Python (see docs/ARCHITECTURE.md): {@code
 * safetensors.torch.save_file(model.state_dict(), "w.safetensors")} or {@code numpy.savez("w.npz",
 * **{k: v.numpy() for k, v in model.state_dict().items()})}.
 */
public final class WeightImporter {
    private WeightImporter() {}

    /** Imports {@code file} into {@code block} (which must be initialised). */
    public static ImportReport importFile(Block block, Path file, ImportOptions options) throws IOException {
        return importTensors(TorchNames.of(block), TensorFiles.read(file), options, file.toString());
    }

    /**
     * Imports {@code tensors} into the named parameters.
     *
     * @param source the file name for messages
     * @throws WeightImportException when names or shapes do not fit (nothing is changed then)
     */
    public static ImportReport importTensors(
            Map<String, Parameter> parameters, Map<String, HostTensor> tensors, ImportOptions options, String source) {
        Map<String, float[]> values = new LinkedHashMap<>();
        List<String> expanded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            String name = options.networkName(e.getKey());
            if (options.ignoresFileEntry(name)) {
                skipped.add(e.getKey());
                continue;
            }
            Parameter p = parameters.get(name);
            present.add(name);
            if (p == null) {
                unexpected.add(e.getKey());
                continue;
            }
            if (!p.isInitialized()) {
                throw new IllegalStateException("initialise the network before importing " + source + " (" + name + ")");
            }
            long[] target = p.getArray().getShape().getShape();
            HostTensor t = e.getValue();
            if (Arrays.equals(target, t.shape())) {
                values.put(name, t.values());
            } else if (options.expandsChannels() && ChannelExpansion.applies(t.shape(), target)) {
                values.put(name, ChannelExpansion.expand(t, target));
                expanded.add(name);
            } else {
                mismatched.add(name + ": file " + HostTensor.format(t.shape()) + ", network " + HostTensor.format(target));
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!present.contains(name)) {
                (options.allowsMissing(name) ? kept : missing).add(name);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            throw new WeightImportException(source + ": state dict does not fit the network: "
                    + describe("missing", missing) + describe("unexpected", unexpected)
                    + describe("shape mismatch", mismatched)
                    + " (see ImportOptions to skip a head or strip a prefix)");
        }
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            NDArray array = parameters.get(e.getKey()).getArray();
            array.set(e.getValue());
        }
        return new ImportReport(new ArrayList<>(values.keySet()), expanded, skipped, kept);
    }

    private static String describe(String what, List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        int shown = Math.min(names.size(), 8);
        String list = String.join("; ", names.subList(0, shown)) + (names.size() > shown ? "; ..." : "");
        return names.size() + " " + what + " [" + list + "] ";
    }

    /** The network's parameters as a state dict (float32 copies), e.g. to export to Python. */
    public static Map<String, HostTensor> stateDict(Block block) {
        Map<String, HostTensor> dict = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : TorchNames.of(block).entrySet()) {
            NDArray a = e.getValue().getArray();
            Shape s = a.getShape();
            dict.put(e.getKey(), HostTensor.of(s.getShape(), a.toFloatArray()));
        }
        return dict;
    }
}
