package org.hpacell.nn.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.nn.Architectures;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.FeatureEncoder;
import org.hpacell.nn.TorchLayers;
import org.hpacell.nn.TorchNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightImporterTest {
    @TempDir Path dir;

    private static EncoderClassifier net(NDManager m, String name, int in, int classes) {
        EncoderClassifier net = Architectures.create(name, in, classes);
        net.initialize(m, DataType.FLOAT32, new Shape(1, in, 32, 32));
        return net;
    }

    private static NDList forward(EncoderClassifier net, NDManager m, NDArray x) {
        return net.forward(new ParameterStore(m, false), new NDList(x), false);
    }

    /** A state dict of random values (including non-trivial running statistics) of the network's shapes. */
    private static Map<String, HostTensor> randomStateDict(EncoderClassifier net, long seed) {
        java.util.Random r = new java.util.Random(seed);
        Map<String, HostTensor> dict = new LinkedHashMap<>();
        for (var e : WeightImporter.stateDict(net).entrySet()) {
            float[] v = new float[e.getValue().values().length];
            boolean var = e.getKey().endsWith("running_var");
            for (int i = 0; i < v.length; i++) {
                v[i] = var ? 0.5f + r.nextFloat() : (float) (0.2 * r.nextGaussian());
            }
            dict.put(e.getKey(), HostTensor.of(e.getValue().shape(), v));
        }
        dict.put("bn1.num_batches_tracked", new HostTensor(new long[] {}, new float[] {100}, "I64"));
        return dict;
    }

    @Test
    void importedFileGivesTheForwardOfTheSameWeightsSetDirectly() throws Exception {
        for (String ext : List.of("safetensors", "npz")) {
            try (NDManager m = NDManager.newBaseManager()) {
                EncoderClassifier reference = net(m, "small", 4, 19);
                Map<String, HostTensor> dict = randomStateDict(reference, 7);
                // reference: the same values written straight into the parameters
                TorchNames.of(reference).forEach((name, p) -> p.getArray().set(dict.get(name).values()));
                Path file = dir.resolve("w." + ext);
                TensorFiles.write(file, dict);

                EncoderClassifier imported = net(m, "small", 4, 19);
                ImportReport report = WeightImporter.importFile(imported, file, ImportOptions.strict());
                assertEquals(TorchNames.of(imported).size(), report.loaded().size());
                assertEquals(List.of("bn1.num_batches_tracked"), report.skipped());

                NDArray x = m.randomNormal(new Shape(2, 4, 32, 32));
                NDList a = forward(reference, m, x);
                NDList b = forward(imported, m, x);
                assertEquals(0f, a.get(0).sub(b.get(0)).abs().max().getFloat(), 1e-6f, ext);
                assertEquals(0f, a.get(1).sub(b.get(1)).abs().max().getFloat(), 1e-6f, ext);
            }
        }
    }

    @Test
    void importedStemMatchesAHandComputedConvolutionAndBatchNorm() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = net(m, "small", 4, 19);
            Map<String, HostTensor> dict = randomStateDict(net, 11);
            Path file = dir.resolve("stem.safetensors");
            TensorFiles.write(file, dict);
            WeightImporter.importFile(net, file, ImportOptions.strict());

            int size = 8;
            java.util.Random r = new java.util.Random(3);
            float[] input = new float[4 * size * size];
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) r.nextGaussian();
            }
            FeatureEncoder encoder = net.encoder();
            NDArray stem = encoder.forward(new ParameterStore(m, false),
                    new NDList(m.create(input, new Shape(1, 4, size, size))), false).get(0);
            float[] got = stem.toFloatArray();

            // conv1: 16 filters 4x3x3, stride 2, padding 1, no bias; bn1 in inference mode; ReLU
            float[] w = dict.get("conv1.weight").values();
            float[] gamma = dict.get("bn1.weight").values();
            float[] beta = dict.get("bn1.bias").values();
            float[] mean = dict.get("bn1.running_mean").values();
            float[] var = dict.get("bn1.running_var").values();
            int out = size / 2;
            for (int f = 0; f < 16; f++) {
                for (int oy = 0; oy < out; oy++) {
                    for (int ox = 0; ox < out; ox++) {
                        double s = 0;
                        for (int c = 0; c < 4; c++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int y = 2 * oy - 1 + ky;
                                    int x = 2 * ox - 1 + kx;
                                    if (y >= 0 && y < size && x >= 0 && x < size) {
                                        s += w[((f * 4 + c) * 3 + ky) * 3 + kx] * input[(c * size + y) * size + x];
                                    }
                                }
                            }
                        }
                        double bn = gamma[f] * (s - mean[f]) / Math.sqrt(var[f] + TorchLayers.BN_EPSILON) + beta[f];
                        assertEquals(Math.max(0, bn), got[(f * out + oy) * out + ox], 1e-4, "filter " + f);
                    }
                }
            }
        }
    }

    @Test
    void rgbWeightsExpandToFourChannelsWithTheMeanAsYellow() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier rgb = net(m, "small", 3, 19);
            Path file = dir.resolve("rgb.npz");
            TensorFiles.write(file, randomStateDict(rgb, 5));
            WeightImporter.importFile(rgb, file, ImportOptions.strict());

            EncoderClassifier rgby = net(m, "small", 4, 19);
            ImportReport report = WeightImporter.importFile(rgby, file, ImportOptions.strict());
            assertEquals(List.of("conv1.weight"), report.expanded());

            NDArray w3 = TorchNames.of(rgb).get("conv1.weight").getArray();
            NDArray w4 = TorchNames.of(rgby).get("conv1.weight").getArray();
            assertEquals(new Shape(16, 4, 3, 3), w4.getShape());
            assertEquals(0f, w4.get(new NDIndex(":, 0:3")).sub(w3).abs().max().getFloat(), 0f);
            NDArray mean = w3.mean(new int[] {1});
            assertEquals(0f, w4.get(new NDIndex(":, 3")).sub(mean).abs().max().getFloat(), 1e-6f);

            // with a zero yellow channel, the expanded network computes what the RGB network does
            NDArray x3 = m.randomNormal(new Shape(1, 3, 32, 32));
            NDArray x4 = x3.concat(m.zeros(new Shape(1, 1, 32, 32)), 1);
            assertEquals(0f, forward(rgb, m, x3).get(0).sub(forward(rgby, m, x4).get(0)).abs().max().getFloat(), 1e-5f);

            EncoderClassifier strict = net(m, "small", 4, 19);
            WeightImportException e = assertThrows(WeightImportException.class,
                    () -> WeightImporter.importFile(strict, file, ImportOptions.strict().withChannelExpansion(false)));
            assertTrue(e.getMessage().contains("conv1.weight: file (16, 3, 3, 3), network (16, 4, 3, 3)"), e.getMessage());
        }
    }

    @Test
    void misfitsAreAllNamedAndNothingIsChanged() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = net(m, "small", 4, 19);
            Map<String, HostTensor> dict = randomStateDict(net, 1);
            dict.remove("layer2.0.conv1.weight");
            dict.put("layer9.weight", HostTensor.of(new long[] {1}, new float[] {1}));
            dict.put("fc.weight", HostTensor.of(new long[] {1000, 128}, new float[128_000]));
            Path file = dir.resolve("bad.safetensors");
            TensorFiles.write(file, dict);
            float[] before = TorchNames.of(net).get("conv1.weight").getArray().toFloatArray();

            WeightImportException e = assertThrows(WeightImportException.class,
                    () -> WeightImporter.importFile(net, file, ImportOptions.strict()));
            String msg = e.getMessage();
            assertTrue(msg.startsWith(file.toString()), msg);
            assertTrue(msg.contains("1 missing [layer2.0.conv1.weight]"), msg);
            assertTrue(msg.contains("1 unexpected [layer9.weight]"), msg);
            assertTrue(msg.contains("1 shape mismatch [fc.weight: file (1000, 128), network (19, 128)]"), msg);
            assertArrayEquals(before, TorchNames.of(net).get("conv1.weight").getArray().toFloatArray());
        }
    }

    @Test
    void newHeadSkipsTheFilesClassifierAndStripsAPrefix() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier imagenet = net(m, "small", 3, 1000);
            Map<String, HostTensor> dict = new LinkedHashMap<>();
            randomStateDict(imagenet, 2).forEach((k, v) -> dict.put("module." + k, v));
            Path file = dir.resolve("dp.safetensors");
            TensorFiles.write(file, dict);

            EncoderClassifier hpa = net(m, "small", 4, 19);
            float[] fcBefore = hpa.classifierWeight().toFloatArray();
            ImportReport report = WeightImporter.importFile(hpa, file, ImportOptions.newHead().stripping("module."));
            assertEquals(List.of("fc.weight", "fc.bias"), report.kept());
            assertTrue(report.skipped().containsAll(List.of("module.fc.weight", "module.fc.bias")));
            assertArrayEquals(fcBefore, hpa.classifierWeight().toFloatArray());
            assertArrayEquals(dict.get("module.layer4.0.bn2.running_var").values(),
                    TorchNames.of(hpa).get("layer4.0.bn2.running_var").getArray().toFloatArray());
        }
    }
}
