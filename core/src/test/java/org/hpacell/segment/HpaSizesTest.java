package org.hpacell.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HpaSizesTest {
    @Test
    void areasScaleWithTheFieldsPixelCountAndTheRadiusWithItsSide() {
        assertEquals(HpaSizes.FULL, HpaSizes.FULL.scaledTo(2048, 2048));
        // 512 px: a quarter of HPA's side, areas / 16, radius / 4
        assertEquals(new HpaSizes(63, 31, 1, 156, 344, 2), HpaSizes.FULL.scaledTo(512, 512));
        // the geometric mean of the sides counts: 1024 x 256 has the pixels of 512 x 512
        assertEquals(HpaSizes.FULL.scaledTo(512, 512), HpaSizes.FULL.scaledTo(1024, 256));
        // tiny fields keep every cut-off at least 1
        assertEquals(new HpaSizes(1, 1, 1, 1, 1, 1), HpaSizes.QUARTER.scaledTo(16, 16));
        assertThrows(IllegalArgumentException.class, () -> HpaSizes.FULL.scaledTo(0, 10));
    }
}
