package org.hpacell.atlas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

/** The class colours: far apart from each other and light enough for dark fields. */
class ClassColoursTest {
    @Test
    void everyTwoClassesDifferClearly() {
        double closest = Double.MAX_VALUE;
        for (Location a : Location.all()) {
            for (Location b : Location.all()) {
                if (a.index() < b.index()) {
                    closest = Math.min(closest, ClassColours.difference(ClassColours.colour(a), ClassColours.colour(b)));
                }
            }
        }
        // golden-angle hues gave 10.9 (Microtubules and Negative looked alike); the greedy choice gives ~30.5
        assertTrue(closest > 28, "closest two class colours differ by " + closest);
    }

    @Test
    void everyColourIsLightEnoughForADarkField() {
        for (Location c : Location.all()) {
            assertTrue(ClassColours.lab(ClassColours.colour(c))[0] >= ClassColours.MIN_LIGHTNESS, c.displayName());
        }
    }

    @Test
    void labMatchesReferenceValues() {
        // sRGB white, black and pure red in CIELAB (D65), as colour-science libraries give them
        assertArrayEquals(new double[] {100, 0, 0}, ClassColours.lab(Color.WHITE), 0.05);
        assertArrayEquals(new double[] {0, 0, 0}, ClassColours.lab(Color.BLACK), 0.05);
        assertArrayEquals(new double[] {53.24, 80.09, 67.20}, ClassColours.lab(Color.RED), 0.05);
        assertEquals("#ff4d4d", ClassColours.css(Location.of(0)));
        assertEquals("#c8c8c8", ClassColours.css(Location.NEGATIVE));
        assertArrayEquals(new int[] {255, 77, 77}, ClassColours.rgb(Location.of(0)));
    }
}
