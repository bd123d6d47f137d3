package org.hpacell.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.io.CocoRle;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionRow;

/**
 * The ground truth of one field: its distinct cell masks (each mask string decoded once) and, per class,
 * the instances of that class in file order (indices into the masks; a cell with two classes is an
 * instance of each).
 */
final class FieldTruth {
    final String id;
    final int width;
    final int height;
    final List<CocoRle> masks = new ArrayList<>();
    final Map<String, Integer> maskIndex = new HashMap<>();
    final int[][] instances = new int[Location.COUNT][];

    /** @throws org.hpacell.io.MaskFormatException if a mask string does not decode for the row's size */
    FieldTruth(SubmissionRow row) {
        this.id = row.id();
        this.width = row.width();
        this.height = row.height();
        int[] perClass = new int[Location.COUNT];
        for (Prediction p : row.predictions()) {
            perClass[p.classIndex()]++;
        }
        for (int c = 0; c < Location.COUNT; c++) {
            instances[c] = new int[perClass[c]];
        }
        int[] filled = new int[Location.COUNT];
        for (Prediction p : row.predictions()) {
            int m = maskIndex.computeIfAbsent(p.encodedMask(), s -> {
                masks.add(MaskCodec.decodeRle(s, width, height));
                return masks.size() - 1;
            });
            instances[p.classIndex()][filled[p.classIndex()]++] = m;
        }
    }

    /** The decoded mask of {@code encoded} if it is one of this field's truth masks, else null. */
    CocoRle known(String encoded) {
        Integer i = maskIndex.get(encoded);
        return i == null ? null : masks.get(i);
    }
}
