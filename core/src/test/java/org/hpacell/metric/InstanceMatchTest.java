package org.hpacell.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hpacell.image.LabelImage;
import org.junit.jupiter.api.Test;

class InstanceMatchTest {
    /** A 10x1 strip: ids per pixel. */
    private static LabelImage strip(int... ids) {
        return new LabelImage(ids.length, 1, ids);
    }

    @Test
    void iouOfExactlyThreeFifthsMatchesAndBelowDoesNot() {
        // truth object 1 has 5 px; prediction 7 covers 3 of them and nothing else: IoU 3/5
        LabelImage truth = strip(1, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        assertEquals(new InstanceMatch(1, 0, 0), InstanceMatch.of(truth, strip(7, 7, 7, 0, 0, 0, 0, 0, 0, 0)));
        // 3 of 5 covered plus one extra pixel: IoU 3/6 < 0.6
        assertEquals(new InstanceMatch(0, 1, 1), InstanceMatch.of(truth, strip(7, 7, 7, 0, 0, 7, 0, 0, 0, 0)));
    }

    @Test
    void idsNeedNotAgreeAndSplitsAndMergesCountAsErrors() {
        LabelImage truth = strip(1, 1, 1, 1, 0, 2, 2, 2, 2, 0);
        assertEquals(new InstanceMatch(2, 0, 0), InstanceMatch.of(truth, strip(9, 9, 9, 9, 0, 4, 4, 4, 4, 0)));
        // the two objects merged into one: IoU 4/9 with each
        InstanceMatch merged = InstanceMatch.of(truth, strip(5, 5, 5, 5, 5, 5, 5, 5, 5, 0));
        assertEquals(new InstanceMatch(0, 1, 2), merged);
        assertEquals(0.0, merged.averagePrecision());
        // the first object split in halves (IoU 2/4 each), the second found
        InstanceMatch split = InstanceMatch.of(truth, strip(3, 3, 6, 6, 0, 8, 8, 8, 8, 0));
        assertEquals(new InstanceMatch(1, 2, 1), split);
        assertEquals(0.25, split.averagePrecision(), 1e-12);
        assertEquals(1.0 / 3, split.precision(), 1e-12);
        assertEquals(0.5, split.recall(), 1e-12);
    }

    @Test
    void countsAddOverFieldsAndEmptyFieldsArePerfect() {
        InstanceMatch a = new InstanceMatch(3, 1, 0);
        InstanceMatch b = new InstanceMatch(5, 0, 1);
        assertEquals(new InstanceMatch(8, 1, 1), a.plus(b));
        assertEquals(0.8, a.plus(b).averagePrecision(), 1e-12);
        assertEquals(1.0, InstanceMatch.of(strip(0, 0), strip(0, 0)).averagePrecision());
        assertEquals(InstanceMatch.NONE, InstanceMatch.of(strip(0, 0), strip(0, 0)));
    }

    @Test
    void imagesOfDifferentSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> InstanceMatch.of(strip(1, 1), strip(1, 1, 1)));
    }
}
