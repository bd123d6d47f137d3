package org.hpacell.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelSetTest {
    @Test
    void classesMatchTheReference() {
        assertEquals(19, Location.values().length);
        assertEquals("Nucleoplasm", Location.of(0).displayName());
        assertEquals("Nucleoli fibrillar center", Location.of(3).displayName());
        assertEquals("Mitotic spindle", Location.of(11).displayName());
        assertEquals("Vesicles and punctate cytosolic patterns", Location.of(17).displayName());
        assertEquals("Negative", Location.of(18).displayName());
        assertThrows(IllegalArgumentException.class, () -> Location.of(19));
        assertThrows(IllegalArgumentException.class, () -> Location.of(-1));
    }

    @Test
    void parsesAndPrintsPipeSeparated() {
        LabelSet s = LabelSet.parse("8|5|0");
        assertEquals(3, s.size());
        assertTrue(s.contains(Location.INTERMEDIATE_FILAMENTS));
        assertTrue(s.contains(5));
        assertFalse(s.contains(1));
        assertEquals("0|5|8", s.toString());
        assertEquals(s, LabelSet.parse(s.toString()));
        assertEquals(LabelSet.EMPTY, LabelSet.parse("  "));
        assertEquals("", LabelSet.EMPTY.toString());
    }

    @Test
    void rejectsBadTokensNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelSet.parse("1|19"));
        assertTrue(e.getMessage().contains("19"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LabelSet.parse("1|x"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelSet.parse("1||2"));
    }

    @Test
    void roundTripsRandomSets() {
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            LabelSet s = LabelSet.ofBits(r.nextInt(1 << 19));
            assertEquals(s, LabelSet.parse(s.toString()));
            assertEquals(s, LabelSet.of(s.indices()));
            assertEquals(s, LabelSet.of(s.toList()));
            float[] hot = s.toMultiHot();
            for (int c = 0; c < 19; c++) {
                assertEquals(s.contains(c) ? 1f : 0f, hot[c]);
            }
        }
    }
}
