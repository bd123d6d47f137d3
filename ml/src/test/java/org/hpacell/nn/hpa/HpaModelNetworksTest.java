package org.hpacell.nn.hpa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.io.npz.NpyArray;
import org.hpacell.io.npz.NpzFile;
import org.hpacell.segment.HpaPrediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HPA's networks from Java against HPA-Cell-Segmentation's own {@code CellSegmentator} run in Python
 * on the same tiny TorchScript networks (golden.npz, made by
 * src/test/resources/hpamodels/make_tiny_hpa_models.py): case a is an 8-bit 90x90 field with padding
 * (a non-integer resize factor), case b a 16-bit 64x64 field without.
 */
class HpaModelNetworksTest {
    private static Map<String, NpyArray> golden;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        golden = NpzFile.read(resource("golden.npz"));
    }

    static Path resource(String name) throws Exception {
        return Path.of(HpaModelNetworksTest.class.getResource("/hpamodels/" + name).toURI());
    }

    static HpaModelNetworks open(boolean padding) throws Exception {
        return HpaModelNetworks.open(resource("tiny-hpa-nuclei.pt"), resource("tiny-hpa-cell.pt"),
                HpaModelOptions.withPadding(padding));
    }

    /** The case's field: red, yellow and blue from the golden file, green empty. */
    static FieldImage field(String c) {
        int[] shape = golden.get(c + "_red").shape();
        float[][] ch = new float[Channel.COUNT][];
        ch[Channel.RED.ordinal()] = floats(golden.get(c + "_red").ints());
        ch[Channel.YELLOW.ordinal()] = floats(golden.get(c + "_yellow").ints());
        ch[Channel.BLUE.ordinal()] = floats(golden.get(c + "_blue").ints());
        ch[Channel.GREEN.ordinal()] = new float[shape[0] * shape[1]];
        return new FieldImage(c, shape[1], shape[0], golden.get(c + "_bits").ints()[0], ch);
    }

    private static float[] floats(int[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i];
        }
        return f;
    }

    private static boolean padding(String c) {
        return golden.get(c + "_padding").ints()[0] == 1;
    }

    /** Channel {@code c} of an (H, W, 3) uint8 golden image. */
    private static int[] plane(String key, int c) {
        byte[] b = golden.get(key).bytes();
        int[] out = new int[b.length / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = b[3 * i + c] & 0xff;
        }
        return out;
    }

    @Test
    void inputsMatchHpaPreprocessing() {
        for (String c : List.of("a", "b")) {
            HpaModelOptions o = HpaModelOptions.withPadding(padding(c));
            FieldImage f = field(c);
            HpaInput cells = HpaInput.cells(f, o);
            float[] expected = golden.get(c + "_cell_input").floats();
            assertEquals(expected.length, cells.chw().length, c + " cell input size");
            assertClose(expected, cells.chw(), c + " cell input");
            HpaInput nuclei = HpaInput.nuclei(f, o);
            float[] blue = golden.get(c + "_nuclei_input").floats();
            float[] first = java.util.Arrays.copyOf(nuclei.chw(), blue.length);
            assertClose(blue, first, c + " nucleus input");
        }
        assertEquals(64, HpaInput.cells(field("a"), HpaModelOptions.withPadding(true)).width()); // 22 + 32 + 10
    }

    /** float32 inputs equal up to one float32 step of the float64 rescale. */
    private static void assertClose(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], Math.ulp(expected[i]), what + " at " + i);
        }
    }

    @Test
    void outputsMatchHpaCellSegmentator() throws Exception {
        for (String c : List.of("a", "b")) {
            FieldImage f = field(c);
            try (HpaModelNetworks nets = open(padding(c))) {
                check(nets.nuclei(f), c + "_nuclei");
                check(nets.cells(f), c + "_cell");
            }
        }
    }

    private static void check(HpaPrediction p, String key) {
        int[] shape = golden.get(key).shape();
        assertEquals(shape[1], p.width(), key + " width");
        assertEquals(shape[0], p.height(), key + " height");
        assertArrayEquals(plane(key, 1), p.border(), key + " touching border");
        assertArrayEquals(plane(key, 2), p.foreground(), key + " foreground");
    }

    @Test
    void concurrentCallsGiveTheSingleThreadResult() throws Exception {
        FieldImage f = field("a");
        try (HpaModelNetworks nets = open(true)) {
            HpaPrediction nuclei = nets.nuclei(f);
            HpaPrediction cells = nets.cells(f);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<HpaPrediction[]>> runs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    runs.add(pool.submit(() -> new HpaPrediction[] {nets.nuclei(f), nets.cells(f)}));
                }
                for (Future<HpaPrediction[]> r : runs) {
                    HpaPrediction[] got = r.get();
                    assertArrayEquals(nuclei.foreground(), got[0].foreground());
                    assertArrayEquals(cells.border(), got[1].border());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Path missing = dir.resolve("nope.pt");
        IOException e = assertThrows(IOException.class,
                () -> HpaModelNetworks.open(resource("tiny-hpa-nuclei.pt"), missing, HpaModelOptions.DEFAULTS));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void notTorchScriptIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("weights.pt"), "not a zip archive");
        IOException e = assertThrows(IOException.class,
                () -> HpaModelNetworks.open(text, resource("tiny-hpa-cell.pt"), HpaModelOptions.DEFAULTS));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
    }

    @Test
    void wrongOutputChannelsAreRejected() throws Exception {
        Path two = resource("tiny-two-channel.pt");
        IOException e = assertThrows(IOException.class,
                () -> HpaModelNetworks.open(resource("tiny-hpa-nuclei.pt"), two, HpaModelOptions.DEFAULTS));
        assertTrue(e.getMessage().startsWith(two + ": not an HPA cell model"), e.getMessage());
        assertTrue(e.getMessage().contains("(1, 2, 64, 64)"), e.getMessage());
    }

    @Test
    void wrongInputChannelsAreRejected() throws Exception {
        // TorchScriptModelsTest's model takes 2 channels
        Path twoIn = Path.of(HpaModelNetworksTest.class.getResource("/torchscript/tiny-conv.pt").toURI());
        IOException e = assertThrows(IOException.class,
                () -> HpaModelNetworks.open(twoIn, resource("tiny-hpa-cell.pt"), HpaModelOptions.DEFAULTS));
        assertTrue(e.getMessage().startsWith(twoIn + ": not an HPA nucleus model: a (1, 3, 64, 64) input fails"),
                e.getMessage());
    }
}
