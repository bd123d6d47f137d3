package org.hpacell.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SynthParamsTest {
    @Test
    void jsonRoundTripKeepsEveryValue() {
        for (Difficulty d : Difficulty.values()) {
            SynthParams p = d.params(123, 7, 320, 8);
            String json = p.toJson();
            SynthParams back = SynthParams.fromJson(json);
            assertEquals(json, back.toJson());
            assertEquals(d, back.difficulty());
            assertEquals(123, back.seed());
        }
    }

    @Test
    void overridesReplaceNamedValuesOnly() {
        SynthParams p = SynthParams.defaults(1, 5, 256, 16)
                .withOverrides(Map.of("optics.blur", "0.05", "labels.heterogeneity", "0.9", "difficulty", "hard"));
        assertEquals(0.05, p.optics().blur());
        assertEquals(0.9, p.labels().heterogeneity());
        assertEquals(Difficulty.HARD, p.difficulty());
        assertEquals(SynthParams.defaults(1, 5, 256, 16).cells().countMax(), p.cells().countMax());
    }

    @Test
    void badOverridesAndValuesNameTheParameter() {
        SynthParams p = SynthParams.defaults(1, 5, 256, 16);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> p.withOverrides(Map.of("optics.nope", "1")));
        assertTrue(unknown.getMessage().contains("optics.nope"), unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> p.withOverrides(Map.of("labels.heterogeneity", "1.5")));
        assertTrue(range.getMessage().contains("heterogeneity"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.withOverrides(Map.of("bitDepth", "12")));
        assertThrows(IllegalArgumentException.class, () -> p.withOverrides(Map.of("labels.classFrequencies", "[1,2]")));
        assertThrows(IllegalArgumentException.class, () -> Difficulty.parse("medium"));
    }
}
