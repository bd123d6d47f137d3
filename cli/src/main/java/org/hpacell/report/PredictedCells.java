package org.hpacell.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.Box;
import org.hpacell.image.LabelImage;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.SubmissionCells;
import org.hpacell.io.SubmissionRow;

/**
 * The cells of one submission row with their class confidences. A cell is a distinct mask string (a
 * submission repeats a cell's mask for each of its classes); cells are numbered 1, 2, ... in the order
 * their masks first appear in the row.
 *
 * @param id     the field
 * @param labels the cells painted into a label image (cell number k on its mask's pixels; where masks
 *               overlap, the earlier cell keeps the pixel)
 * @param cells  the cells in number order
 */
record PredictedCells(String id, LabelImage labels, List<Cell> cells) {

    /**
     * One cell.
     *
     * @param number     1-based, its value in {@link PredictedCells#labels()}
     * @param box        its mask's bounding box
     * @param confidence one value per class, NaN for classes the row does not predict for this cell
     */
    record Cell(int number, Box box, double[] confidence) {
        /** The class with the highest confidence (the first on ties); NaN confidences never win. */
        Location top() {
            return SubmissionCells.top(confidence);
        }

        /** The predicted classes by descending confidence (ties in class order), NaN ones left out. */
        List<Location> ranked() {
            List<Location> out = new ArrayList<>();
            for (int c = 0; c < confidence.length; c++) {
                if (!Double.isNaN(confidence[c])) {
                    out.add(Location.of(c));
                }
            }
            out.sort((a, b) -> Double.compare(confidence[b.index()], confidence[a.index()]));
            return out;
        }

        double confidence(Location c) {
            return confidence[c.index()];
        }
    }

    /**
     * Decodes a row's masks.
     *
     * @throws org.hpacell.io.MaskFormatException if a mask string does not decode at the row's size
     */
    static PredictedCells of(SubmissionRow row) {
        Map<String, double[]> byMask = SubmissionCells.confidences(row);
        int w = row.width();
        int h = row.height();
        int[] painted = new int[w * h];
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byMask.entrySet()) {
            BinaryMask mask = MaskCodec.decode(e.getKey(), w, h);
            int number = cells.size() + 1;
            Box b = mask.bounds();
            for (int y = b.y(); y < b.y() + b.height(); y++) {
                for (int x = b.x(); x < b.x() + b.width(); x++) {
                    if (mask.get(x, y) && painted[y * w + x] == 0) {
                        painted[y * w + x] = number;
                    }
                }
            }
            cells.add(new Cell(number, b, e.getValue()));
        }
        return new PredictedCells(row.id(), new LabelImage(w, h, painted), List.copyOf(cells));
    }
}
