package org.hpacell.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hpacell.image.FieldImage;
import org.hpacell.io.RgbImage;
import org.junit.jupiter.api.Test;

class CamPreviewTest {
    @Test
    void mapValuesTintTheGrayProteinChannel() {
        float[][] ch = new float[4][4];
        ch[1] = new float[] {0, 100, 200, 200};
        FieldImage field = new FieldImage("f", 2, 2, 8, ch);
        float[] maps = new float[2 * 4];
        maps[4 + 1] = 1f; // class 1, pixel 1
        maps[4 + 2] = 0.5f;
        CamMaps m = new CamMaps("f", 2, 2, maps, new float[] {0.2f, 0.9f});
        assertEquals(1, CamPreview.mostProbableClass(m));
        RgbImage img = CamPreview.overlay(field, m, 1);
        // pixel 0: black, no map; pixel 3: white (the 99.5th percentile), no map
        assertEquals(0, img.red()[0]);
        assertEquals(255, img.green()[3]);
        // pixel 1: gray 127.5 mixed 70% with orange (255, 140, 0)
        assertEquals(Math.round(127.5f * 0.3f + 255 * 0.7f), img.red()[1]);
        assertEquals(Math.round(127.5f * 0.3f + 140 * 0.7f), img.green()[1]);
        assertEquals(Math.round(127.5f * 0.3f), img.blue()[1]);
        // pixel 2: white mixed 35% with orange
        assertEquals(Math.round(255 * 0.65f), img.blue()[2]);
        assertThrows(IllegalArgumentException.class,
                () -> CamPreview.overlay(new FieldImage("g", 1, 1, 8, new float[4][1]), m, 0));
    }
}
