package org.hpacell.image.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resampling operations against the Python functions they reproduce (golden.npz, made by
 * src/test/resources/resample/make_resample_golden.py with scikit-image 0.19, SciPy 1.10, OpenCV 4.6).
 */
class ResampleGoldenTest {
    private static Golden golden;

    @BeforeAll
    static void load() throws Exception {
        golden = Golden.load();
    }

    @Test
    void rescaleMatchesScikitImage() {
        int cases = 0;
        for (int n = 0; golden.has("rescale" + n + "_image"); n++, cases++) {
            String k = "rescale" + n;
            int[] shape = golden.shape(k + "_image");
            int h = shape[0];
            int w = shape[1];
            double scale = golden.get(k + "_scale")[0];
            double[] img = golden.get(k + "_image");
            double[] asFloat = new double[img.length];
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int i = 0; i < img.length; i++) {
                asFloat[i] = img[i] * (1.0 / 255); // img_as_float: times 1 / 255
                lo = Math.min(lo, asFloat[i]);
                hi = Math.max(hi, asFloat[i]);
            }
            double[] out = SkimageRescale.rescale(asFloat, w, h, scale, lo, hi);
            int[] expectedShape = golden.shape(k + "_out");
            assertEquals(expectedShape[0], SkimageRescale.outputSize(h, scale), k + " rows");
            assertEquals(expectedShape[1], SkimageRescale.outputSize(w, scale), k + " columns");
            double[] expected = golden.get(k + "_out");
            for (int i = 0; i < out.length; i++) {
                // the same operations in the same order: equal up to an ulp or two (exp() and summation)
                assertEquals(expected[i], out[i], 1e-15, k + " pixel " + i);
            }
        }
        assertEquals(5, cases);
    }

    @Test
    void reflectPaddingMatchesOpenCv() {
        for (int n = 0; n < 2; n++) {
            String k = "pad" + n;
            int[] shape = golden.shape(k + "_image");
            int[] b = Golden.ints(golden.get(k + "_border"));
            float[] out = ReflectPad.pad(Golden.floats(golden.get(k + "_image")), shape[1], shape[0], b[0], b[1], b[2], b[3]);
            assertArrayEquals(Golden.floats(golden.get(k + "_out")), out, k);
        }
    }

    @Test
    void areaUpscaleMatchesOpenCv() {
        for (int n = 0; n < 4; n++) {
            String k = "area" + n;
            int[] shape = golden.shape(k + "_float");
            int[] size = Golden.ints(golden.get(k + "_size"));
            float[] f = AreaUpscale.resize(Golden.floats(golden.get(k + "_float")), shape[1], shape[0], size[1], size[0]);
            float[] expected = Golden.floats(golden.get(k + "_float_out"));
            for (int i = 0; i < f.length; i++) {
                assertEquals(expected[i], f[i], 0f, k + " float pixel " + i); // bit for bit
            }
            int[] u = AreaUpscale.resize8(Golden.ints(golden.get(k + "_uint8")), shape[1], shape[0], size[1], size[0]);
            assertArrayEquals(Golden.ints(golden.get(k + "_uint8_out")), u, k + " uint8");
        }
    }

    @Test
    void integerFactorRepeatsEachPixel() {
        int[] img = {1, 2, 3, 4, 5, 6};
        int[] out = AreaUpscale.resize8(img, 3, 2, 9, 4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 9; x++) {
                assertEquals(img[(y / 2) * 3 + x / 3], out[y * 9 + x], "(" + x + "," + y + ")");
            }
        }
    }

    @Test
    void reflectRepeatsTheEdgePixel() {
        float[] out = ReflectPad.pad(new float[] {1, 2, 3}, 3, 1, 0, 0, 2, 4);
        assertArrayEquals(new float[] {2, 1, 1, 2, 3, 3, 2, 1, 1}, out);
    }

    @Test
    void mirrorDoesNotRepeatTheEdgePixel() {
        int[] expected = {2, 1, 0, 1, 2, 3, 2, 1, 0};
        for (int i = -2; i <= 6; i++) {
            assertEquals(expected[i + 2], GaussianFilter.mirror(i, 4), "index " + i);
        }
    }

    @Test
    void gaussianKeepsAConstantImageAndItsSum() {
        double[] flat = new double[20 * 12];
        java.util.Arrays.fill(flat, 0.3);
        for (double v : GaussianFilter.filter(flat, 20, 12, 1.5, 2.0)) {
            assertEquals(0.3, v, 1e-15);
        }
        double[] half = GaussianFilter.kernel(1.5);
        assertEquals(7, half.length); // radius int(4 * 1.5 + 0.5) = 6
        double sum = half[0];
        for (int j = 1; j < half.length; j++) {
            sum += 2 * half[j];
            assertTrue(half[j] < half[j - 1]);
        }
        assertEquals(1.0, sum, 1e-15);
    }

    @Test
    void enlargingOnlyForOutputsAtLeastAsLarge() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AreaUpscale.resize(new float[16], 4, 4, 2, 8));
    }
}
