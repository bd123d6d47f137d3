package org.hpacell.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewSheetTest {
    @TempDir
    Path tmp;

    @Test
    void sheetShowsEveryFieldTwiceWithOutlinesInClassColours() throws Exception {
        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(4, 3, 96, 16));
        PreviewSheet sheet = new PreviewSheet(64, 2);
        SyntheticField first = gen.generate(0);
        // Added out of order: the sheet still shows field 0 first.
        sheet.add(2, gen.generate(2));
        sheet.add(0, first);
        sheet.add(1, gen.generate(1));
        assertEquals(3, sheet.size());
        Path file = tmp.resolve("preview.png");
        sheet.write(file);
        BufferedImage img = ImageIO.read(file.toFile());
        // Two fields per row, each as composite + protein panel of 64 px with 4 px gaps; two rows plus legend.
        assertTrue(img.getWidth() >= 2 * (2 * 64 + 4) + 4, "width " + img.getWidth());
        assertTrue(img.getHeight() > 2 * (64 + 4), "height " + img.getHeight());
        // The protein panel of the first field (x from 4 + 64 + 4) holds outline pixels in the colour of
        // the first class of some cell.
        int x0 = 4 + 64 + 4, y0 = 4;
        boolean found = false;
        for (int id = 1; id <= first.cellCount() && !found; id++) {
            int rgb = PreviewSheet.CLASS_COLORS[first.labelsOf(id).indices()[0]].getRGB() & 0xFFFFFF;
            for (int y = 0; y < 64 && !found; y++) {
                for (int x = 0; x < 64 && !found; x++) {
                    found = (img.getRGB(x0 + x, y0 + y) & 0xFFFFFF) == rgb;
                }
            }
        }
        assertTrue(found, "an outline in a class colour");
        assertTrue(Files.size(file) > 0);
    }
}
