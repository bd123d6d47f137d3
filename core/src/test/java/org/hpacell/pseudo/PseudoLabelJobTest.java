package org.hpacell.pseudo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.LabelImage;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoLabelJobTest {
    @TempDir
    Path out;

    /** 8x4: cell 1 on the left half, cell 2 on the right; class 3's map is 1 on the left half only. */
    private static PseudoLabelJob.FieldInput input() {
        int w = 8;
        int h = 4;
        int[] ids = new int[w * h];
        float[] map = new float[w * h];
        for (int i = 0; i < ids.length; i++) {
            boolean left = i % w < w / 2;
            ids[i] = left ? 1 : 2;
            map[i] = left ? 1f : 0f;
        }
        float[][] m = new float[19][];
        m[3] = map;
        return new PseudoLabelJob.FieldInput(ClassMaps.of(w, h, m), new LabelImage(w, h, ids), LabelSet.of(3));
    }

    @Test
    void writesPixelLabelsCellLabelsAndPreviewsAndReportsBadFields() throws Exception {
        PseudoLabelJob.Source source = id -> {
            if (id.equals("broken")) {
                throw new IOException("cams/broken.npz: not a readable .npz");
            }
            return input();
        };
        PseudoLabelJob.Result r = new PseudoLabelJob(PseudoLabelConfig.defaults(), 2, 1)
                .run(List.of("b", "broken", "a"), source, out, Progress.NONE);
        assertEquals(2, r.fields());
        assertEquals(4, r.cells());
        assertEquals(1, r.failures().size());
        assertEquals("broken", r.failures().get(0).fieldId());
        assertTrue(r.failures().get(0).message().contains("cams/broken.npz"));
        assertEquals(2, r.gradeCounts()[3][Grade.FULL.ordinal()]);
        assertEquals(2, r.gradeCounts()[3][Grade.NONE.ordinal()]);

        assertTrue(Files.exists(out.resolve("pixels/a.npz")));
        assertTrue(Files.exists(out.resolve("pixels/b.npz")));
        assertTrue(Files.exists(out.resolve("preview/a.png")), "the first field in id order gets a preview");
        assertFalse(Files.exists(out.resolve("preview/b.png")));

        Map<String, CellPseudoLabels> cells = CellLabelsCsv.read(out.resolve(PseudoLabelJob.CELL_LABELS));
        assertEquals(List.of("a", "b"), List.copyOf(cells.keySet()));
        assertEquals(Grade.FULL, cells.get("a").grade(0, 3));
        assertEquals(Grade.NONE, cells.get("a").grade(1, 3));
        PixelPseudoLabels p = PixelLabelsFile.read(out.resolve("pixels/b.npz"));
        assertEquals(LabelSet.of(3), p.classesAt(0));
        assertTrue(p.classesAt(7).isEmpty());
    }
}
