package org.hpacell.pseudo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hpacell.atlas.LabelSet;
import org.junit.jupiter.api.Test;

class PixelPseudoLabelerTest {

    /** A 4x1 field whose maps hold the given values for classes 0, 2 and 5. */
    private static ClassMaps maps(float[] c0, float[] c2, float[] c5) {
        float[][] m = new float[19][];
        m[0] = c0;
        m[2] = c2;
        m[5] = c5;
        return ClassMaps.of(4, 1, m);
    }

    @Test
    void hardThresholdIsInclusiveAtTheDefault() {
        ClassMaps m = maps(new float[] {0.2249f, 0.225f, 0.9f, 0f}, null, null);
        PixelPseudoLabels p = new PixelPseudoLabeler(PseudoLabelConfig.defaults()).label(m, LabelSet.of(0));
        assertArrayEquals(new float[] {0f, 1f, 1f, 0f}, p.targets(0));
        assertEquals(2, p.pixelCount(0));
    }

    @Test
    void configuredThresholdMovesTheBoundary() {
        ClassMaps m = maps(new float[] {0.2249f, 0.225f, 0.5f, 0.6f}, null, null);
        PixelPseudoLabels p = new PixelPseudoLabeler(PseudoLabelConfig.defaults().withPixelThreshold(0.55f))
                .label(m, LabelSet.of(0));
        assertArrayEquals(new float[] {0f, 0f, 0f, 1f}, p.targets(0));
    }

    @Test
    void classesOutsideTheImageLabelsAreZeroWhateverTheirMap() {
        ClassMaps m = maps(new float[] {1f, 1f, 1f, 1f}, new float[] {1f, 0f, 1f, 0f}, new float[] {1f, 1f, 1f, 1f});
        PixelPseudoLabels p = new PixelPseudoLabeler(PseudoLabelConfig.defaults()).label(m, LabelSet.of(2));
        assertNull(p.targets(0));
        assertNull(p.targets(5));
        assertEquals(0f, p.target(5, 0));
        assertEquals(LabelSet.of(2), p.classes());
        assertEquals(LabelSet.of(2), p.classesAt(0));
        assertTrue(p.classesAt(1).isEmpty(), "pixel 1 is background: the only image label does not pass");
    }

    @Test
    void aPixelHoldsEveryClassThatPassesAndIsBackgroundWhenNoneDoes() {
        ClassMaps m = maps(new float[] {0.9f, 0.3f, 0.1f, 0.5f}, new float[] {0.4f, 0.1f, 0.1f, 0.5f}, null);
        PixelPseudoLabels p = new PixelPseudoLabeler(PseudoLabelConfig.defaults()).label(m, LabelSet.of(0, 2));
        assertEquals(LabelSet.of(0, 2), p.classesAt(0));
        assertEquals(LabelSet.of(0), p.classesAt(1));
        assertEquals(LabelSet.EMPTY, p.classesAt(2));
        assertEquals(-1, p.dominantClass(2));
        // hard labels tie at 1 where classes overlap: the preview's dominant class is the lower index
        assertEquals(0, p.dominantClass(3));
    }

    @Test
    void anImageLabelWithoutAMapGetsAllZeroTargets() {
        ClassMaps m = maps(new float[] {0.9f, 0.9f, 0.9f, 0.9f}, null, null);
        PixelPseudoLabels p = new PixelPseudoLabeler(PseudoLabelConfig.defaults()).label(m, LabelSet.of(0, 5));
        assertArrayEquals(new float[4], p.targets(5));
    }

    @Test
    void softTargetsAreTheClampedMapRestrictedToImageLabels() {
        ClassMaps m = maps(new float[] {-0.5f, 0.1f, 1.5f, Float.NaN}, null, new float[] {0.7f, 0.7f, 0.7f, 0.7f});
        PixelPseudoLabels p = new PixelPseudoLabeler(PseudoLabelConfig.defaults().withMode(TargetMode.SOFT))
                .label(m, LabelSet.of(0));
        assertEquals(TargetMode.SOFT, p.mode());
        assertArrayEquals(new float[] {0f, 0.1f, 1f, 0f}, p.targets(0));
        assertNull(p.targets(5));
    }

    @Test
    void softDominantClassIsTheLargestTarget() {
        ClassMaps m = maps(new float[] {0.3f, 0.6f, 0f, 0f}, new float[] {0.5f, 0.2f, 0f, 0f}, null);
        PixelPseudoLabels p = new PixelPseudoLabeler(PseudoLabelConfig.defaults().withMode(TargetMode.SOFT))
                .label(m, LabelSet.of(0, 2));
        assertEquals(2, p.dominantClass(0));
        assertEquals(0, p.dominantClass(1));
        assertEquals(-1, p.dominantClass(2));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassMaps.of(4, 1, new float[18][]));
        float[][] wrong = new float[19][];
        wrong[3] = new float[5];
        assertThrows(IllegalArgumentException.class, () -> ClassMaps.of(4, 1, wrong));
        assertThrows(IllegalArgumentException.class, () -> new ClassMaps(4, 1, new float[19 * 4 - 1]));
        float[] values = new float[19 * 4];
        values[5 * 4 + 2] = 0.5f;
        assertEquals(0.5f, new ClassMaps(4, 1, values).value(5, 2));
        assertThrows(IllegalArgumentException.class, () -> PseudoLabelConfig.defaults().withPixelThreshold(0f));
        assertThrows(IllegalArgumentException.class, () -> PseudoLabelConfig.defaults().withCuts(0.8f, 0.8f, 0.4f));
    }
}
