package org.hpacell.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hpacell.image.LabelImage;
import org.junit.jupiter.api.Test;

class QuarterScaleTest {
    @Test
    void downscaleAveragesBlocksAndCutsThemAtTheEdges() {
        // 5x4: one full 4x4 block and a 1x4 strip
        int[] fg = new int[20];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                fg[y * 5 + x] = (x + y) % 2 == 0 ? 3 : 0; // mean 1.5 rounds half up to 2
            }
            fg[y * 5 + 4] = 7;
        }
        HpaPrediction small = QuarterScale.downscale(new HpaPrediction(5, 4, new int[20], fg));
        assertEquals(2, small.width());
        assertEquals(1, small.height());
        assertArrayEquals(new int[] {2, 7}, small.foreground());
    }

    @Test
    void upscaleRepeatsEachLabelOverItsBlock() {
        LabelImage small = new LabelImage(2, 1, new int[] {4, 9});
        LabelImage big = QuarterScale.upscale(small, 6, 3);
        assertEquals(4, big.get(3, 2));
        assertEquals(9, big.get(4, 0));
        assertEquals(9, big.get(5, 2));
        assertThrows(IllegalArgumentException.class, () -> QuarterScale.upscale(small, 9, 3));
    }
}
