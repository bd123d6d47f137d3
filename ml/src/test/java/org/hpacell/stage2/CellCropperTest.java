package org.hpacell.stage2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hpacell.image.Box;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.junit.jupiter.api.Test;

class CellCropperTest {
    private static final int W = 40;
    private static final int H = 30;

    /** A field whose channel c holds 1000 * (c + 1) + y * W + x + 1 (never 0) at (x, y). */
    private static FieldImage field() {
        float[][] ch = new float[4][W * H];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < W * H; i++) {
                ch[c][i] = 1000 * (c + 1) + i + 1;
            }
        }
        return new FieldImage("f", W, H, 16, ch);
    }

    /** Cell 3: a 5x4 block at (0..4, 2..5), touching the left border; cell 7: (20..29, 10..17) with a hole. */
    private static LabelImage cells() {
        int[] a = new int[W * H];
        for (int y = 2; y <= 5; y++) {
            for (int x = 0; x <= 4; x++) {
                a[y * W + x] = 3;
            }
        }
        for (int y = 10; y <= 17; y++) {
            for (int x = 20; x <= 29; x++) {
                a[y * W + x] = 7;
            }
        }
        a[12 * W + 22] = 0; // a background pixel inside cell 7's box
        a[6 * W + 4] = 9;   // a neighbour inside cell 3's padded box
        return new LabelImage(W, H, a);
    }

    @Test
    void paddingIsClippedAtTheFieldBorder() {
        List<CellCrop> crops = new CellCropper(3).crops(field(), cells());
        assertEquals(3, crops.size());
        // cell 3: box x 0..4, y 2..5 grown by 3 -> x 0..7 (clipped on the left), y 0..8 (clipped at the top)
        assertEquals(new Box(0, 0, 8, 9), crops.get(0).box());
        // cell 7 is inside: x 17..32, y 7..20
        assertEquals(new Box(17, 7, 16, 14), crops.get(1).box());
        assertEquals(8, crops.get(0).image().width());
        assertEquals("f_c7", crops.get(1).image().id());
        assertEquals(16, crops.get(1).image().bitDepth());
    }

    @Test
    void relativePaddingGrowsWithTheCellAndTheRunRecordsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path run)
            throws java.io.IOException {
        // cell 7's box is 10x8: 0.2 of its longer side is 2 px, plus 1 fixed -> 3 px, as new CellCropper(3)
        CellCropper relative = new CellCropper(1, 0.2);
        assertEquals(new CellCropper(3).crops(field(), cells()).get(1).box(),
                relative.crops(field(), cells()).get(1).box());
        // a cell twice the size gets twice the relative padding
        assertEquals(4, new CellCropper(0, 0.2).paddingOf(new Box(0, 0, 20, 16)));
        assertEquals(2, new CellCropper(0, 0.2).paddingOf(new Box(0, 0, 10, 8)));

        CellCropper fallback = new CellCropper(20);
        assertEquals(fallback, CellCropper.of(run, fallback), "a run without a record keeps the caller's geometry");
        relative.writeTo(run);
        CellCropper read = CellCropper.of(run, fallback);
        assertEquals(1, read.padding());
        org.junit.jupiter.api.Assertions.assertFalse(read.perCellIntensity());
        new CellCropper(0, 0.1, true).writeTo(run);
        org.junit.jupiter.api.Assertions.assertTrue(CellCropper.of(run, fallback).perCellIntensity());
        assertEquals(0.2, read.paddingFraction(), 0);
        java.nio.file.Files.writeString(run.resolve(CellCropper.GEOMETRY_FILE), "padding=x\n");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> CellCropper.of(run, fallback));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(CellCropper.GEOMETRY_FILE), e.getMessage());
    }

    @Test
    void perCellIntensityMakesACellsCropIndependentOfItsExpressionLevel() {
        FieldImage bright = field();
        float[][] dim = new float[4][];
        for (Channel c : Channel.values()) {
            dim[c.ordinal()] = bright.channel(c).clone();
            for (int i = 0; i < dim[c.ordinal()].length; i++) {
                dim[c.ordinal()][i] /= 10; // the same cells, a tenth as bright
            }
        }
        FieldImage dimField = new FieldImage("f", W, H, 16, dim);
        CellCropper scaled = new CellCropper(3, 0, true);
        CellCrop a = scaled.crops(bright, cells()).get(1);
        CellCrop b = scaled.crops(dimField, cells()).get(1);
        for (Channel c : Channel.values()) {
            float[] pa = a.image().channel(c);
            float[] pb = b.image().channel(c);
            float max = 0;
            for (int i = 0; i < pa.length; i++) {
                org.junit.jupiter.api.Assertions.assertEquals(pa[i], pb[i], 1e-2f * bright.maxValue());
                max = Math.max(max, pa[i]);
            }
            // the 99th percentile of the cell becomes full scale; the few pixels above it are clipped
            assertEquals(bright.maxValue(), max, 0f);
        }
        // without it the dim crop is a tenth of the bright one
        CellCrop plain = new CellCropper(3).crops(dimField, cells()).get(1);
        assertEquals(new CellCropper(3).crops(bright, cells()).get(1).image().channel(Channel.GREEN)[40] / 10,
                plain.image().channel(Channel.GREEN)[40], 1e-2f);
    }

    @Test
    void defaultPaddingOfTwentyCoversTheWholeSmallField() {
        CellCrop c = CellCropper.withDefaultPadding().crops(field(), cells()).get(1);
        assertEquals(new Box(0, 0, W, 30), c.box());
    }

    @Test
    void onlyTheCellsOwnPixelsSurviveInEveryChannel() {
        FieldImage f = field();
        LabelImage cells = cells();
        for (CellCrop crop : new CellCropper(3).crops(f, cells)) {
            Box b = crop.box();
            for (Channel c : Channel.values()) {
                for (int y = 0; y < b.height(); y++) {
                    for (int x = 0; x < b.width(); x++) {
                        int fx = b.x() + x;
                        int fy = b.y() + y;
                        float expected = cells.get(fx, fy) == crop.cellId() ? f.get(c, fx, fy) : 0f;
                        assertEquals(expected, crop.image().get(c, x, y),
                                "cell " + crop.cellId() + " channel " + c + " at (" + fx + "," + fy + ")");
                    }
                }
            }
        }
        CellCrop seven = new CellCropper(0).crops(f, cells).get(1);
        assertEquals(new Box(20, 10, 10, 8), seven.box());
        assertEquals(0f, seven.image().get(Channel.GREEN, 2, 2), "the hole is zeroed");
        assertEquals(f.get(Channel.GREEN, 21, 11), seven.image().get(Channel.GREEN, 1, 1));
    }

    @Test
    void mismatchedSizesAndNegativePaddingAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CellCropper(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new CellCropper(0).crops(field(), LabelImage.blank(W, H - 1)));
    }
}
