package org.hpacell.segment.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OtsuTest {
    /** scikit-image 0.19.3's threshold_otsu on the same values (make_goldens.py), to the last bit. */
    @Test
    void matchesScikitImageBitForBit() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OtsuTest.class.getResourceAsStream("otsu_cases.txt"), StandardCharsets.UTF_8))) {
            r.readLine();
            String values;
            int n = 0;
            while ((values = r.readLine()) != null) {
                double[] v = Arrays.stream(values.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
                double expected = Double.parseDouble(r.readLine().trim());
                assertEquals(expected, Otsu.threshold(v), 0.0, "case " + n++);
            }
        }
    }

    @Test
    void separatesTwoClusters() {
        double[] v = {0.1, 0.1, 0.12, 0.11, 0.9, 0.92, 0.9};
        double t = Otsu.threshold(v);
        assertEquals(true, t > 0.12 && t < 0.9, "threshold " + t);
    }

    @Test
    void uniformImageGivesItsValue() {
        assertEquals(0.3, Otsu.threshold(new double[] {0.3, 0.3, 0.3}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Otsu.threshold(new double[0]));
    }

    @Test
    void byteImagesGiveTheThresholdOfTheirRealImage() {
        java.util.Random rnd = new java.util.Random(23);
        for (int t = 0; t < 200; t++) {
            int n = 1 + rnd.nextInt(500);
            int lo = rnd.nextInt(256);
            int range = 1 + rnd.nextInt(256 - lo);
            int[] bytes = new int[n];
            double[] real = new double[n];
            for (int i = 0; i < n; i++) {
                bytes[i] = lo + rnd.nextInt(range);
                real[i] = bytes[i] / 255.0;
            }
            assertEquals(Otsu.threshold(real), Otsu.thresholdOfBytes(bytes),
                    "case " + t);
        }
    }
}
