package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.junit.jupiter.api.Test;

/** Outlines drawn from GeoJSON alone land on the cell's border, in its classification colour. */
class GeoJsonOverlayTest {
    @Test
    void drawsEachRingInItsClassColour() throws Exception {
        float[][] dark = new float[Channel.COUNT][20 * 20];
        FieldImage field = new FieldImage("f", 20, 20, 8, dark);
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[2,2],[12,2],[12,12],[2,12],[2,2]],"
                + "[[5,5],[5,8],[8,8],[8,5],[5,5]]]},\"properties\":{\"objectType\":\"cell\","
                + "\"classification\":{\"name\":\"Nucleoplasm\",\"color\":[255,77,77]}}}]}";
        BufferedImage im = GeoJsonOverlay.draw(field, new ObjectMapper().readTree(json), 2);
        assertEquals(40, im.getWidth());
        assertEquals(0xff4d4d, im.getRGB(14, 4) & 0xffffff, "on the outer ring's top edge (y = 2 * 2)");
        assertEquals(0xff4d4d, im.getRGB(13, 10) & 0xffffff, "on the hole's left edge (x = 5 * 2)");
        assertEquals(0, im.getRGB(14, 14) & 0xffffff, "inside the cell, off the outlines: the dark field");
        assertTrue(GeoJsonOverlay.outline(new ObjectMapper().readTree(json).at("/features/0/geometry"))
                .contains(3.5, 3.5));
    }
}
