package org.hpacell.stage2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.Geometry;
import org.hpacell.train.data.Resampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crops come back from the store as the engine's resize of them, to within 16-bit quantisation. */
class CropStoreTest {
    @TempDir
    Path dir;

    private static FieldImage crop(String id, int w, int h, int bitDepth, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float max = bitDepth == 8 ? 255f : 65535f;
        float[][] ch = new float[Channel.COUNT][w * h];
        for (float[] c : ch) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) Math.floor(r.nextDouble() * (max + 1));
            }
        }
        return new FieldImage(id, w, h, bitDepth, ch);
    }

    @Test
    void cropsRoundTripAsTheirResizeForEveryBitDepthAndShape() throws IOException {
        Path file = dir.resolve("crops.u16");
        FieldImage[] crops = {crop("a", 37, 52, 16, 1), crop("b", 90, 61, 8, 2), crop("c", 20, 20, 16, 3)};
        try (CropStore store = CropStore.create(file, 32)) {
            for (int i = 0; i < crops.length; i++) {
                assertEquals(i, store.add(crops[i]));
            }
            assertEquals(3, store.size());
            assertEquals(3L * 4 * 32 * 32 * 2, Files.size(file));
            for (int i = crops.length - 1; i >= 0; i--) { // any order
                FieldSample s = store.sample(i, crops[i].id(), LabelSet.of(i));
                FieldImage back = s.image();
                assertEquals(crops[i].id(), back.id());
                assertEquals(LabelSet.of(i), s.labels());
                assertEquals(32, back.width());
                for (Channel c : Channel.values()) {
                    float[] want = Resampler.bilinear(crops[i].channel(c), crops[i].width(), crops[i].height(),
                            Geometry.identity(crops[i].width(), crops[i].height(), 32));
                    float[] got = back.channel(c);
                    for (int p = 0; p < want.length; p++) {
                        // what the engine sees: v / maxValue
                        assertEquals(want[p] / crops[i].maxValue(), got[p] / back.maxValue(), 1.0 / 65535,
                                "crop " + i + " channel " + c + " pixel " + p);
                    }
                }
            }
            assertThrows(IndexOutOfBoundsException.class, () -> store.read(3, "x"));
        }
        assertFalse(Files.exists(file), "the store's file is removed when it is closed");
    }
}
