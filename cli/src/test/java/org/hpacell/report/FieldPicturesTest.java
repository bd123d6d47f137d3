package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hpacell.image.LabelImage;
import org.hpacell.io.RgbImage;
import org.junit.jupiter.api.Test;

class FieldPicturesTest {

    @Test
    void outlinesAreTheObjectPixelsWithAFourNeighbourOutsideTheObject() {
        // a 4x3 object at (1..4, 1..3) in a 7x5 image, touching a 1-pixel object at (5, 2)
        int w = 7;
        int h = 5;
        int[] l = new int[w * h];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 4; x++) {
                l[y * w + x] = 1;
            }
        }
        l[2 * w + 5] = 2;
        RgbImage black = new RgbImage(w, h, new int[w * h], new int[w * h], new int[w * h]);
        RgbImage out = FieldPictures.outlined(black, new LabelImage(w, h, l), new int[] {0, 0xff0000, 0x00ff00});
        String expected = """
                .......
                .RRRR..
                .R..RG.
                .RRRR..
                .......
                """;
        StringBuilder got = new StringBuilder();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                got.append(out.red()[i] == 255 ? 'R' : out.green()[i] == 255 ? 'G' : '.');
            }
            got.append('\n');
        }
        assertEquals(expected, got.toString());
        assertEquals(0, black.red()[w + 1], "the input is not changed");
    }

    @Test
    void shrinkingAveragesBlocksAndSamplesLabelsAtTheirCorner() {
        RgbImage im = new RgbImage(3, 2, new int[] {0, 100, 50, 200, 100, 50}, new int[6], new int[6]);
        RgbImage half = FieldPictures.shrink(im, 2);
        assertEquals(2, half.width());
        assertEquals(1, half.height());
        assertArrayEquals(new int[] {100, 50}, half.red());
        LabelImage labels = FieldPictures.shrink(new LabelImage(3, 2, new int[] {1, 2, 3, 4, 5, 6}), 2);
        assertArrayEquals(new int[] {1, 3}, labels.array());
        assertEquals(1, FieldPictures.factor(512, 300, 512));
        assertEquals(4, FieldPictures.factor(2048, 2048, 512));
        assertEquals(5, FieldPictures.factor(2049, 100, 512));
    }
}
