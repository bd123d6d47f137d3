package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hpacell.image.LabelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's PNG writer, checked against the JDK's PNG decoder and ImageIO-written files. */
class PngEncoderTest {
    @TempDir
    Path tmp;

    /** Noisy values with the conversion's edge cases in the first row: clamping, halves, NaN. */
    private static float[] values(int w, int h, int bitDepth, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int max = (1 << bitDepth) - 1;
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextDouble() * 1.1 * max);
        }
        float[] special = {-3f, 0f, 0.5f, 1.49f, max - 0.5f, max, max + 7f, Float.NaN, 2.5f};
        System.arraycopy(special, 0, v, 0, Math.min(special.length, v.length));
        return v;
    }

    @Test
    void grayReadsBackAsImageFilesWritesIt() throws IOException {
        for (int bitDepth : new int[] {8, 16}) {
            for (int[] wh : new int[][] {{37, 23}, {1, 5}, {9, 1}, {300, 200}}) {
                int w = wh[0], h = wh[1];
                float[] v = values(w, h, bitDepth, w * 31L + h + bitDepth);
                Path ours = tmp.resolve("ours.png"), jdk = tmp.resolve("jdk.tif");
                PngEncoder.writeGray(ours, w, h, bitDepth, v);
                ImageFiles.writeGray(jdk, w, h, bitDepth, v);
                GrayImage a = ImageFiles.readGray(ours), b = ImageFiles.readGray(jdk);
                String what = bitDepth + "-bit " + w + "x" + h;
                assertEquals(bitDepth, a.bitDepth(), what);
                assertEquals(w, a.width(), what);
                assertEquals(h, a.height(), what);
                assertArrayEquals(b.pixels(), a.pixels(), what);
            }
        }
    }

    @Test
    void labelsRoundTripAndBadIdsAreRejected() throws IOException {
        int w = 64, h = 48;
        int[] ids = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ids[y * w + x] = (x / 16 + 4 * (y / 12)) * 4099 % 65536; // blocks, ids up to 16 bits
            }
        }
        ids[5] = 65535;
        Path p = tmp.resolve("labels.png");
        PngEncoder.writeLabels(p, new LabelImage(w, h, ids));
        assertArrayEquals(ids, ImageFiles.readLabels(p).array());

        ids[7] = 65536;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.writeLabels(tmp.resolve("bad.png"), new LabelImage(w, h, ids)));
        assertTrue(e.getMessage().contains("bad.png") && e.getMessage().contains("65536"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("bad.png")));
    }

    @Test
    void aWrongNumberOfValuesNamesTheFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.writeGray(tmp.resolve("x.png"), 4, 4, 16, new float[15]));
        assertTrue(e.getMessage().contains("x.png"), e.getMessage());
    }
}
