package org.hpacell.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.hpacell.nn.Architectures;
import org.hpacell.nn.EncoderClassifier;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamExtractorTest {
    private static final int CLASSES = 19;
    private static NDManager manager;
    private static TinyCamNet net;

    @BeforeAll
    static void setUp() {
        Engine.getEngine("PyTorch").setRandomSeed(11);
        manager = NDManager.newBaseManager();
        net = TinyCamNet.initialised(manager, 4, CLASSES, 6, 16);
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static NDArray field(int seed, int h, int w) {
        Engine.getEngine("PyTorch").setRandomSeed(seed);
        return manager.randomUniform(0f, 1f, new Shape(1, 4, h, w));
    }

    @Test
    void meanOfTheRawMapPlusBiasIsTheLogit() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = field(3, 16, 20);
            x.attach(scope);
            NDList out = net.forward(new ParameterStore(scope, false), new NDList(x), false);
            NDArray raw = ClassActivation.maps(out.get(1), net.classifierWeight());
            assertEquals(new Shape(1, CLASSES, 8, 10), raw.getShape());
            float[] fromMaps = ClassActivation.globalAverage(raw).add(net.classifierBias()).toFloatArray();
            float[] logits = out.get(0).toFloatArray();
            assertArrayEquals(logits, fromMaps, 1e-4f);
        }
    }

    @Test
    void theRegistrysSmallNetworkHonoursTheCamIdentity() {
        try (NDManager scope = manager.newSubManager()) {
            EncoderClassifier small = Architectures.create("small", 4, CLASSES);
            small.initialize(scope, DataType.FLOAT32, new Shape(1, 4, 64, 64));
            NDArray x = field(8, 64, 96);
            x.attach(scope);
            NDList out = small.forward(new ParameterStore(scope, false), new NDList(x), false);
            NDArray raw = ClassActivation.maps(out.get(1), small.classifierWeight());
            assertEquals(new Shape(1, CLASSES, 2, 3), raw.getShape());
            float[] fromMaps = ClassActivation.globalAverage(raw).add(small.classifierBias()).toFloatArray();
            assertArrayEquals(out.get(0).toFloatArray(), fromMaps, 1e-4f);
        }
    }

    @Test
    void mapsAreRectifiedNormalisedAndAtTheFieldSize() {
        NDArray x = field(4, 16, 16);
        CamMaps m = new CamExtractor(net, TtaPlan.none()).extract("f", x, 40, 30);
        assertEquals(40, m.width());
        assertEquals(30, m.height());
        assertEquals(CLASSES, m.numClasses());
        int nonZero = 0;
        for (int c = 0; c < CLASSES; c++) {
            float max = 0;
            for (int i = 0; i < 40 * 30; i++) {
                float v = m.array()[m.offset(c) + i];
                assertTrue(v >= 0 && v <= 1, "value " + v);
                max = Math.max(max, v);
            }
            if (max > 0) {
                nonZero++;
                assertEquals(1f, max, 1e-3f);
            }
            float p = m.probabilities()[c];
            assertTrue(p > 0 && p < 1);
        }
        assertTrue(nonZero > 0);
        x.close();
    }

    @Test
    void ttaMapsOfAFlippedFieldAreTheFlippedMaps() {
        CamExtractor tta = new CamExtractor(net, TtaPlan.standard());
        NDArray x = field(5, 16, 24);
        CamMaps plain = tta.extract("f", x, 24, 16);
        for (Flip f : List.of(Flip.HORIZONTAL, Flip.VERTICAL)) {
            NDArray fx = f.apply(x);
            CamMaps flipped = tta.extract("f", fx, 24, 16);
            float[] expected = new float[24 * 16];
            for (int c = 0; c < CLASSES; c++) {
                f.apply(plain.map(c), 24, 16, expected);
                assertArrayEquals(expected, flipped.map(c), 1e-4f, f + " class " + c);
            }
            assertArrayEquals(plain.probabilities(), flipped.probabilities(), 1e-5f);
            fx.close();
        }
        x.close();
    }

    @Test
    void withoutTtaAFlippedFieldGivesDifferentMaps() {
        // Guards the test above: the network itself is not flip-equivariant, only the TTA average is.
        CamExtractor plain = new CamExtractor(net, TtaPlan.none());
        NDArray x = field(5, 16, 24);
        CamMaps a = plain.extract("f", x, 24, 16);
        CamMaps b = plain.extract("f", Flip.HORIZONTAL.apply(x), 24, 16);
        float[] flippedA = new float[24 * 16];
        double diff = 0;
        for (int c = 0; c < CLASSES; c++) {
            Flip.HORIZONTAL.apply(a.map(c), 24, 16, flippedA);
            for (int i = 0; i < flippedA.length; i++) {
                diff = Math.max(diff, Math.abs(flippedA[i] - b.array()[b.offset(c) + i]));
            }
        }
        assertTrue(diff > 1e-2, "max difference " + diff);
    }

    @Test
    void anEnsembleAveragesItsModels(@TempDir Path dir) throws Exception {
        TinyCamNet other = TinyCamNet.initialised(manager, 4, CLASSES, 6, 16);
        CamExtractor a = new CamExtractor(net, TtaPlan.none());
        CamExtractor b = new CamExtractor(other, TtaPlan.none());
        NDArray x = field(6, 16, 16);
        CamMaps ma = a.extract("f", x, 16, 16);
        CamMaps mb = b.extract("f", x, 16, 16);
        CamMaps both = CamExtractor.ensemble(List.of(a, b), "f", x, 16, 16);
        for (int i = 0; i < both.array().length; i += 7) {
            assertEquals((ma.array()[i] + mb.array()[i]) / 2, both.array()[i], 1e-6f);
        }
        assertEquals((ma.probabilities()[3] + mb.probabilities()[3]) / 2, both.probabilities()[3], 1e-6f);

        Path file = CamMapsFile.of(dir, "f");
        CamMapsFile.write(file, both);
        CamMaps back = CamMapsFile.read(file);
        assertEquals("f", back.id());
        assertEquals(16, back.width());
        assertArrayEquals(both.array(), back.array());
        assertArrayEquals(both.probabilities(), back.probabilities());
        x.close();
    }
}
