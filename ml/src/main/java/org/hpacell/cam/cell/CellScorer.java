package org.hpacell.cam.cell;

import java.util.ArrayList;
import java.util.List;
import org.hpacell.cam.CamMaps;
import org.hpacell.image.LabelImage;
import org.hpacell.predict.CombinationRule;

/**
 * Scores every cell of a field for every class from the field's {@link CamMaps}: the map inside the
 * cell's mask pooled by a {@link CellPooling}, then combined with the image-level probability by a
 * {@link CombinationRule} (the same rules that combine a stage-2 model's cell scores with stage 1; the
 * pooled map plays the cell score).
 *
 * <p>One pass over the label image groups the pixel indices by cell (a counting sort), then each
 * (class, cell) pair reads only its own pixels: O(classes x pixels) in total.
 */
public final class CellScorer {
    private final CellPooling pooling;
    private final CombinationRule combination;

    public CellScorer(CellPooling pooling, CombinationRule combination) {
        this.pooling = pooling;
        this.combination = combination;
    }

    /** Mean pooling combined by product, the default. */
    public static CellScorer defaults() {
        return new CellScorer(CellPooling.mean(), CombinationRule.DEFAULT);
    }

    public CellPooling pooling() {
        return pooling;
    }

    public CombinationRule combination() {
        return combination;
    }

    /**
     * Every cell's scores for every class, in ascending cell id order.
     *
     * @throws IllegalArgumentException if the maps and the label image differ in size
     */
    public List<CellScores> score(CamMaps maps, LabelImage cells) {
        if (maps.width() != cells.width() || maps.height() != cells.height()) {
            throw new IllegalArgumentException("field " + maps.id() + ": maps are " + maps.width() + "x"
                    + maps.height() + " but the cell mask is " + cells.width() + "x" + cells.height());
        }
        int[] labels = cells.array();
        int maxLabel = cells.maxLabel();
        // Counting sort of pixel indices by label: pixels of cell k are order[start[k] .. start[k + 1]).
        int[] start = new int[maxLabel + 2];
        for (int v : labels) {
            if (v < 0) {
                throw new IllegalArgumentException("field " + maps.id() + ": negative cell label " + v);
            }
            start[v + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] fill = start.clone();
        int[] order = new int[labels.length];
        int largest = 0;
        for (int i = 0; i < labels.length; i++) {
            order[fill[labels[i]]++] = i;
        }
        for (int k = 1; k <= maxLabel; k++) {
            largest = Math.max(largest, start[k + 1] - start[k]);
        }
        float[] buffer = new float[largest];
        float[] array = maps.array();
        float[] probs = maps.probabilities();
        List<CellScores> out = new ArrayList<>();
        for (int k = 1; k <= maxLabel; k++) {
            int from = start[k], to = start[k + 1];
            if (from == to) {
                continue;
            }
            float[] scores = new float[maps.numClasses()];
            for (int c = 0; c < scores.length; c++) {
                int offset = maps.offset(c);
                for (int i = from; i < to; i++) {
                    buffer[i - from] = array[offset + order[i]];
                }
                scores[c] = combination.combine(probs[c], pooling.pool(buffer, to - from));
            }
            out.add(new CellScores(k, scores));
        }
        return out;
    }
}
