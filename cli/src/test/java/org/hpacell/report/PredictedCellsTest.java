package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpacell.atlas.Location;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.Box;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionRow;
import org.junit.jupiter.api.Test;

class PredictedCellsTest {
    private static final int W = 12;
    private static final int H = 8;

    private static String rect(int x0, int y0, int x1, int y1) {
        boolean[] full = new boolean[W * H];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                full[y * W + x] = true;
            }
        }
        return MaskCodec.encode(BinaryMask.ofRowMajor(W, H, full));
    }

    @Test
    void cellsAreDistinctMasksNumberedInOrderOfAppearanceWithTheirConfidences() {
        String a = rect(0, 0, 4, 4);
        String b = rect(6, 2, 12, 8);
        SubmissionRow row = new SubmissionRow("f", W, H, List.of(new Prediction(3, 0.2, b), new Prediction(0, 0.9, a),
                new Prediction(5, 0.7, b), new Prediction(1, 0.1, a)));
        PredictedCells cells = PredictedCells.of(row);
        assertEquals(2, cells.cells().size());
        PredictedCells.Cell first = cells.cells().get(0);
        PredictedCells.Cell second = cells.cells().get(1);
        assertEquals(new Box(6, 2, 6, 6), first.box());
        assertEquals(Location.of(5), first.top());
        assertEquals(List.of(Location.of(5), Location.of(3)), first.ranked());
        assertTrue(Double.isNaN(first.confidence(Location.of(0))), "class not predicted for the cell");
        assertEquals(Location.of(0), second.top());
        assertEquals(0.1, second.confidence(Location.of(1)));
        assertEquals(1, cells.labels().get(6, 2));
        assertEquals(2, cells.labels().get(0, 0));
        assertEquals(0, cells.labels().get(5, 0));
        assertEquals(36 + 16, java.util.Arrays.stream(cells.labels().array()).filter(v -> v != 0).count());
    }

    @Test
    void overlappingMasksLeaveThePixelToTheEarlierCell() {
        SubmissionRow row = new SubmissionRow("f", W, H, List.of(new Prediction(0, 0.5, rect(0, 0, 6, 6)),
                new Prediction(0, 0.5, rect(4, 4, 8, 8))));
        PredictedCells cells = PredictedCells.of(row);
        assertEquals(1, cells.labels().get(5, 5));
        assertEquals(2, cells.labels().get(6, 6));
    }
}
