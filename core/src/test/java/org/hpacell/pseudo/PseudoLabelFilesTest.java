package org.hpacell.pseudo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.LabelImage;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.RgbImage;
import org.hpacell.io.npz.NpyArray;
import org.hpacell.io.npz.NpzFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoLabelFilesTest {
    @TempDir
    Path dir;

    /** A 3x2 field: class 2 rises left to right, class 9 is high on the bottom row. */
    private static PixelPseudoLabels labels(TargetMode mode) {
        float[][] m = new float[19][];
        m[2] = new float[] {0.1f, 0.5f, 0.9f, 0.1f, 0.5f, 0.9f};
        m[9] = new float[] {0f, 0f, 0f, 0.7f, 0.7f, 0.7f};
        m[4] = new float[] {1f, 1f, 1f, 1f, 1f, 1f}; // not an image label
        return new PixelPseudoLabeler(PseudoLabelConfig.defaults().withMode(mode))
                .label(ClassMaps.of(3, 2, m), LabelSet.of(2, 9));
    }

    @Test
    void hardLabelsRoundTripExactly() throws IOException {
        Path f = dir.resolve("a.npz");
        PixelPseudoLabels p = labels(TargetMode.HARD);
        PixelLabelsFile.write(f, p);
        Map<String, NpyArray> raw = NpzFile.read(f);
        assertArrayEquals(new int[] {2, 9}, raw.get("classes").ints());
        assertArrayEquals(new int[] {2, 2, 3}, raw.get("targets").shape());
        PixelPseudoLabels back = PixelLabelsFile.read(f);
        assertEquals(TargetMode.HARD, back.mode());
        assertEquals(LabelSet.of(2, 9), back.classes());
        assertArrayEquals(p.targets(2), back.targets(2));
        assertArrayEquals(p.targets(9), back.targets(9));
        assertNull(back.targets(4));
    }

    @Test
    void softLabelsRoundTripWithinQuantisation() throws IOException {
        Path f = dir.resolve("b.npz");
        PixelPseudoLabels p = labels(TargetMode.SOFT);
        PixelLabelsFile.write(f, p);
        PixelPseudoLabels back = PixelLabelsFile.read(f);
        assertEquals(TargetMode.SOFT, back.mode());
        assertArrayEquals(p.targets(2), back.targets(2), 1f / 510f + 1e-7f);
        assertArrayEquals(p.targets(9), back.targets(9), 1f / 510f + 1e-7f);
    }

    @Test
    void malformedFilesNameTheFileAndTheProblem() throws IOException {
        Path f = dir.resolve("bad.npz");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("classes", NpyArray.ofInts(new int[] {19}, 1));
        arrays.put("targets", NpyArray.ofBytes(new byte[6], 1, 2, 3));
        NpzFile.write(f, arrays);
        IOException e = assertThrows(IOException.class, () -> PixelLabelsFile.read(f));
        assertTrue(e.getMessage().contains("bad.npz") && e.getMessage().contains("19"), e.getMessage());
        arrays.put("classes", NpyArray.ofInts(new int[] {1, 2}, 2));
        NpzFile.write(f, arrays);
        e = assertThrows(IOException.class, () -> PixelLabelsFile.read(f));
        assertTrue(e.getMessage().contains("(n, height, width)"), e.getMessage());
    }

    @Test
    void previewColoursTheDominantClassAndOutlinesCells() throws IOException {
        PixelPseudoLabels p = labels(TargetMode.HARD);
        LabelImage cells = new LabelImage(3, 2, new int[] {0, 0, 0, 0, 0, 0});
        RgbImage img = PseudoLabelPreview.render(p, cells);
        // pixel 0: background; pixel 1: class 2 only; pixel 4: classes 2 and 9 tie, the lower index shows
        assertEquals(0, img.red()[0] + img.green()[0] + img.blue()[0]);
        int c2 = PseudoLabelPreview.colour(2);
        assertEquals((c2 >> 16) & 0xff, img.red()[1]);
        assertEquals(c2 & 0xff, img.blue()[4]);
        int c9 = PseudoLabelPreview.colour(9);
        assertEquals((c9 >> 8) & 0xff, img.green()[3]);

        int[] ids = new int[25];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                ids[y * 5 + x] = 1;
            }
        }
        float[][] t = new float[19][];
        t[0] = new float[25];
        RgbImage outlined = PseudoLabelPreview.render(
                new PixelPseudoLabels(5, 5, TargetMode.HARD, LabelSet.of(0), t), new LabelImage(5, 5, ids));
        assertEquals(255, outlined.red()[6], "corner of the cell is outline");
        assertEquals(0, outlined.red()[12], "the centre is inside");
        assertEquals(0, outlined.red()[0], "background is not outline");
        Path png = dir.resolve("p.png");
        ImageFiles.writeRgb(png, outlined);
        assertEquals(outlined, ImageFiles.readRgb(png));
    }
}
