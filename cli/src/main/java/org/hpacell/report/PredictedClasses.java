package org.hpacell.report;

import java.io.IOException;
import java.nio.file.Path;
import org.hpacell.atlas.Location;
import org.hpacell.io.SubmissionCells;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;

/**
 * The class distribution of a submission: how many of its cells have each class as their most confident
 * one (the class their outline is drawn in), counted without decoding masks (a cell is a distinct mask
 * string within its row, {@link SubmissionCells}).
 *
 * @param fields the rows (fields) read
 * @param cells  the cells over all rows
 * @param top    per class index, the cells whose most confident class it is
 */
record PredictedClasses(int fields, long cells, long[] top) {

    /**
     * Counts {@code submission}.
     *
     * @throws IOException naming the file (and line) if it cannot be read
     */
    static PredictedClasses count(Path submission) throws IOException {
        long[] top = new long[Location.COUNT];
        int fields = 0;
        long cells = 0;
        try (SubmissionReader rows = SubmissionReader.open(submission)) {
            for (SubmissionRow row = rows.next(); row != null; row = rows.next()) {
                fields++;
                for (double[] confidence : SubmissionCells.confidences(row).values()) {
                    top[SubmissionCells.top(confidence).index()]++;
                    cells++;
                }
            }
        }
        return new PredictedClasses(fields, cells, top);
    }
}
