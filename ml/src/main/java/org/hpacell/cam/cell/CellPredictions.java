package org.hpacell.cam.cell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.image.LabelImage;
import org.hpacell.image.LabelObject;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionRow;
import org.hpacell.io.SubmissionWriter;

/**
 * Turns per-cell scores into Kaggle submission rows: every class for every cell, each cell's mask
 * encoded once ({@link MaskCodec}) and repeated for its 19 triples.
 */
public final class CellPredictions {
    private CellPredictions() {
    }

    /** The submission row of a field (cells without scores are left out). */
    public static SubmissionRow row(String id, LabelImage cells, List<CellScores> scores) {
        Map<Integer, float[]> byCell = index(scores);
        List<Prediction> predictions = new ArrayList<>();
        for (LabelObject cell : cells.objects()) {
            float[] s = byCell.get(cell.id());
            if (s == null) {
                continue;
            }
            String mask = MaskCodec.encode(cells.mask(cell));
            for (int c = 0; c < s.length; c++) {
                predictions.add(new Prediction(c, s[c], mask));
            }
        }
        return new SubmissionRow(id, cells.width(), cells.height(), predictions);
    }

    /** Appends a field's row to a submission being written. */
    public static void write(SubmissionWriter writer, String id, LabelImage cells, List<CellScores> scores)
            throws IOException {
        Map<Integer, float[]> byCell = index(scores);
        writer.writeCells(id, cells, cellId -> {
            float[] s = byCell.get(cellId);
            if (s == null) {
                return null;
            }
            double[] d = new double[s.length];
            for (int c = 0; c < s.length; c++) {
                d[c] = s[c];
            }
            return d;
        });
    }

    private static Map<Integer, float[]> index(List<CellScores> scores) {
        Map<Integer, float[]> byCell = new HashMap<>();
        for (CellScores s : scores) {
            byCell.put(s.cellId(), s.scores());
        }
        return byCell;
    }
}
