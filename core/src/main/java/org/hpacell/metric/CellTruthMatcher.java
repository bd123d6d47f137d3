package org.hpacell.metric;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.LabelImage;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;

/**
 * Gives each cell of a segmentation the true labels of the truth cell it overlaps most, with that overlap's
 * IoU: the basis of the two reference rows of every evaluation with cell truth.
 * <ul>
 *   <li>The <b>segmentation-limited ceiling</b>: every predicted cell scored with its best truth cell's
 *       labels at confidence equal to the IoU. No cell model can do better on this segmentation: a cell
 *       that matches no truth cell at IoU 0.6 is a false positive whatever its labels.</li>
 *   <li>The <b>oracle</b>'s training targets: the training cells of the same segmentation labelled with the
 *       truth, so the oracle differs from the weak cell model only in its labels.</li>
 * </ul>
 * Truth comes in the submission layout ({@code truth.csv}): one row per field, a cell being the set of
 * predictions that share one mask string; its labels are their classes.
 */
public final class CellTruthMatcher {
    private CellTruthMatcher() {}

    /** A truth cell: its mask and its labels. */
    public record TruthCell(BinaryMask mask, LabelSet labels) {}

    /** A segmented cell's best truth cell: its labels and the IoU (0 and no labels if it overlaps none). */
    public record Match(LabelSet labels, double iou) {}

    /** The truth cells of one row, in the order their masks first appear. */
    public static List<TruthCell> truthCells(SubmissionRow row) {
        Map<String, LabelSet> byMask = new LinkedHashMap<>();
        for (Prediction p : row.predictions()) {
            if (p.confidence() > 0) {
                byMask.merge(p.encodedMask(), LabelSet.of(p.classIndex()), LabelSet::union);
            }
        }
        List<TruthCell> out = new ArrayList<>(byMask.size());
        byMask.forEach((mask, labels) -> out.add(new TruthCell(MaskCodec.decode(mask, row.width(), row.height()),
                labels)));
        return out;
    }

    /**
     * Every field's truth cells from a truth file, by field id (a training folder's truth fits in memory:
     * masks are kept run-length encoded by {@link BinaryMask}).
     *
     * @throws IOException naming the file and line of a malformed row
     */
    public static Map<String, List<TruthCell>> read(Path truthCsv) throws IOException {
        Map<String, List<TruthCell>> out = new HashMap<>();
        try (SubmissionReader in = SubmissionReader.open(truthCsv)) {
            for (SubmissionRow r = in.next(); r != null; r = in.next()) {
                out.put(r.id(), truthCells(r));
            }
        }
        return out;
    }

    /**
     * The best truth cell of every cell of {@code cells} (by cell id; every object of {@code cells} has an
     * entry). Where truth cells overlap each other, a pixel counts for the later one.
     *
     * @throws IllegalArgumentException if a truth mask's size is not the segmentation's
     */
    public static Map<Integer, Match> match(LabelImage cells, List<TruthCell> truth) {
        int w = cells.width();
        int h = cells.height();
        int[] owner = new int[w * h];
        java.util.Arrays.fill(owner, -1);
        for (int t = 0; t < truth.size(); t++) {
            BinaryMask m = truth.get(t).mask();
            if (m.width() != w || m.height() != h) {
                throw new IllegalArgumentException("a truth mask is " + m.width() + "x" + m.height()
                        + " but the segmentation is " + w + "x" + h);
            }
            boolean[] px = m.toRowMajor();
            for (int i = 0; i < px.length; i++) {
                if (px[i]) {
                    owner[i] = t;
                }
            }
        }
        int[] labels = cells.array();
        Map<Integer, Map<Integer, Integer>> inter = new HashMap<>();
        Map<Integer, Integer> area = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c == 0) {
                continue;
            }
            area.merge(c, 1, Integer::sum);
            if (owner[i] >= 0) {
                inter.computeIfAbsent(c, k -> new HashMap<>()).merge(owner[i], 1, Integer::sum);
            }
        }
        Map<Integer, Match> out = new HashMap<>();
        for (Map.Entry<Integer, Integer> a : area.entrySet()) {
            Match best = new Match(LabelSet.EMPTY, 0);
            for (Map.Entry<Integer, Integer> e : inter.getOrDefault(a.getKey(), Map.of()).entrySet()) {
                TruthCell t = truth.get(e.getKey());
                double iou = e.getValue() / (double) (a.getValue() + t.mask().area() - e.getValue());
                if (iou > best.iou()) {
                    best = new Match(t.labels(), iou);
                }
            }
            out.put(a.getKey(), best);
        }
        return out;
    }
}
