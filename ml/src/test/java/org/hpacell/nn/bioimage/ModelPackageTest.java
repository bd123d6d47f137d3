package org.hpacell.nn.bioimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.hpacell.io.BadInputException;
import org.hpacell.io.npz.NpyArray;
import org.hpacell.io.npz.NpyFormat;
import org.hpacell.nn.TorchScriptModels;
import org.hpacell.progress.Progress;
import org.hpacell.synth.Difficulty;
import org.hpacell.segnet.SegmentationTarget;
import org.hpacell.segnet.SegmenterTraining;
import org.hpacell.segnet.TruthSamples;
import org.hpacell.synth.SynthParams;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.SynthSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny trained runs (a classifier, a segmentation U-Net) exported as bioimage.io packages: the RDF parses
 * and names its files by sha256, and the TorchScript weights, loaded back in the engine, reproduce the
 * package's test output.
 */
class ModelPackageTest {
    private static final int SIZE = 32;
    /** {@code -Dhpacell.test.keepPackages=DIR} keeps copies of the packages there, e.g. to load them in Python. */
    private static final String KEEP_PROPERTY = "hpacell.test.keepPackages";

    @TempDir
    Path tmp;

    @Test
    void exportedRunReproducesItsTestOutput() throws Exception {
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        TrainingLoop.fromConfig(ConfigFiles.parse("""
                {"model": "small", "epochs": 1, "batchSize": 4, "imageSize": 32, "validationFraction": 0.25,
                 "loaderThreads": 1, "engineThreads": 1}"""), run, ClassifierFactory.REGISTRY, Progress.Factory.NONE)
                .run(SynthSamples.generate(Difficulty.EASY.params(3, 8, 48, 8)), false);
        Path zip = tmp.resolve("model.zip");
        ModelPackage.export(run.root(), zip, new ModelPackage.Details("tiny", List.of("Test Author"), "MIT", false));
        keep(zip, "classifier.zip");
        Path again = tmp.resolve("again.zip");
        ModelPackage.export(run.root(), again, new ModelPackage.Details("tiny", List.of("Test Author"), "MIT", false));
        assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(again), "the same run gives the same bytes");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            JsonNode rdf = new YAMLMapper().readTree(z.getInputStream(z.getEntry("rdf.yaml")));
            assertTrue(rdf.path("format_version").asText().startsWith("0.5."), rdf.toString());
            assertEquals("model", rdf.path("type").asText());
            JsonNode in = rdf.path("inputs").get(0);
            JsonNode out = rdf.path("outputs").get(0);
            assertEquals(List.of("batch", "channel", "space", "space"),
                    in.path("axes").findValuesAsText("type"));
            assertEquals("[\"red\",\"green\",\"blue\",\"yellow\"]",
                    in.path("axes").get(1).path("channel_names").toString());
            assertEquals(19, out.path("axes").get(1).path("channel_names").size());
            assertEquals("nucleoli_fibrillar_center", out.path("axes").get(1).path("channel_names").get(3).asText());
            checkFile(z, in.path("test_tensor"));
            checkFile(z, out.path("test_tensor"));
            checkFile(z, rdf.path("weights").path("torchscript"));
            JsonNode version = rdf.path("weights").path("torchscript").path("pytorch_version");
            assertTrue(version.isTextual() && version.asText().equals("1.13"), version.toString());
            assertTrue(z.getEntry(rdf.path("documentation").asText()) != null);

            assertReproduces(z, zip, in, new int[] {1, 19});
        }
    }

    @Test
    void segmentationRunReproducesItsTestMaps() throws Exception {
        TrainConfig c = SegmenterTraining.defaults();
        c.model = "segnet-cells-w4-d3";
        c.imageSize = SIZE;
        c.epochs = 1;
        c.engineThreads = 1;
        c.loaderThreads = 1;
        SynthParams fields = SynthParams.defaults(5, 6, 48, 8);
        SegmenterTraining.train(t -> TruthSamples.generate(fields, t), tmp.resolve("seg"),
                List.of(SegmentationTarget.CELLS), c, false, Progress.Factory.NONE);
        Path zip = tmp.resolve("seg.zip");
        ModelPackage.export(tmp.resolve("seg").resolve("cells"), zip,
                new ModelPackage.Details("tiny cells", List.of("Test Author"), "MIT", false));
        keep(zip, "segmentation.zip");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            JsonNode rdf = new YAMLMapper().readTree(z.getInputStream(z.getEntry("rdf.yaml")));
            JsonNode out = rdf.path("outputs").get(0);
            assertEquals("maps", out.path("id").asText());
            assertEquals("[\"background\",\"border\",\"foreground\"]",
                    out.path("axes").get(1).path("channel_names").toString());
            assertEquals("image", out.path("axes").get(2).path("size").path("tensor_id").asText());
            checkFile(z, out.path("test_tensor"));
            checkFile(z, rdf.path("weights").path("torchscript"));
            assertReproduces(z, zip, rdf.path("inputs").get(0), new int[] {1, 3, SIZE, SIZE});
        }
    }

    /** The package's weights, loaded in the engine, give its test output from its preprocessed test input. */
    private static void assertReproduces(ZipFile z, Path zip, JsonNode in, int[] outputShape) throws Exception {
        NpyArray input = npy(z, ModelPackage.TEST_INPUT);
        NpyArray expected = npy(z, ModelPackage.TEST_OUTPUT);
        assertArrayEquals(new int[] {1, 4, SIZE, SIZE}, input.shape());
        assertArrayEquals(outputShape, expected.shape());
        float[] x = scaleLinear(input.floats(), in.path("preprocessing").get(0).path("kwargs"));
        try (BioimagePackage.TorchScriptFile weights = BioimagePackage.torchScript(zip);
             Model model = TorchScriptModels.load(weights.file(), false);
             NDManager manager = NDManager.newBaseManager()) {
            NDList y = model.getBlock().forward(new ParameterStore(manager, false),
                    new NDList(manager.create(x, new Shape(1, 4, SIZE, SIZE))), false);
            assertArrayEquals(expected.floats(), y.singletonOrThrow().toFloatArray(), 1e-4f);
        }
    }

    @Test
    void aFolderThatIsNotARunIsOneLineNamingIt() {
        BadInputException e = assertThrows(BadInputException.class, () -> ModelPackage.export(tmp, tmp.resolve("m.zip"),
                new ModelPackage.Details("x", List.of("a"), "MIT", false)));
        assertTrue(e.getMessage().startsWith(tmp + ": not a training run"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("m.zip")));
    }

    private static void keep(Path zip, String name) throws IOException {
        String dir = System.getProperty(KEEP_PROPERTY);
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.copy(zip, Path.of(dir, name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The RDF's {@code scale_linear} along the channel axis of an {@code (1, C, H, W)} array. */
    private static float[] scaleLinear(float[] v, JsonNode kwargs) {
        assertEquals("channel", kwargs.path("axis").asText());
        int plane = SIZE * SIZE;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            int c = i / plane;
            out[i] = (float) (v[i] * kwargs.path("gain").get(c).asDouble() + kwargs.path("offset").get(c).asDouble());
        }
        return out;
    }

    private static void checkFile(ZipFile z, JsonNode descr) throws IOException {
        String name = descr.path("source").asText();
        try (InputStream in = z.getInputStream(z.getEntry(name))) {
            assertEquals(ModelPackage.sha256(in.readAllBytes()), descr.path("sha256").asText(), name);
        }
    }

    private static NpyArray npy(ZipFile z, String name) throws IOException {
        try (InputStream in = z.getInputStream(z.getEntry(name))) {
            return NpyFormat.read(in, name);
        }
    }
}
