package org.hpacell.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hpacell.atlas.Location;
import org.hpacell.io.CocoRle;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionRow;

/**
 * The HPA competition metric: mAP over the 19 classes at IoU 0.6, computed as the organisers' scorer
 * (the TensorFlow Object Detection API's {@code OpenImagesChallengeEvaluator} with
 * {@code matching_iou_threshold=0.6}) does, with exact integer IoUs.
 *
 * <p>Per field and class c, the detections of c are taken by descending confidence (equal confidences
 * in row order). Each is compared with the ground-truth cell of class c with the highest IoU (on equal
 * IoUs the first in the truth row). It is a true positive if that IoU is at least 0.6
 * ({@code 5 * intersection >= 3 * union}, so exactly 0.6 matches) and that cell is not matched yet;
 * otherwise a false positive - a duplicate is a false positive even if another cell would have matched.
 * Detections of c in a field without ground truth of c are ignored (the Open Images evaluatable-labels
 * rule: a field's labels are the classes of its truth cells).
 *
 * <p>Per class, all scored detections are ranked by descending confidence; equal confidences keep the
 * order fields were added in (prediction-file order), then the per-field order above. AP is Pascal VOC
 * all-point ({@link AveragePrecision}); a class with ground truth but no detections has AP 0; a class
 * without ground truth has no AP and is left out of the mean.
 *
 * <p>Speed: a mask string is decoded once per field (strings equal to a truth mask reuse it), IoUs are
 * computed from column-major run intervals with bounding-box pruning, and each pair of a predicted and a
 * truth mask is measured at most once per field, however many classes they share. Fields are matched
 * as their predictions arrive; only the truth is held in memory, plus a confidence and a flag per
 * scored detection.
 *
 * <p>Usage: {@link #addTruth} for every truth row, then {@link #addPrediction} for every prediction row,
 * then {@link #result()}. Not thread-safe.
 */
public final class MapEvaluator {
    private final IouKind kind;
    private final Map<String, FieldTruth> truth = new LinkedHashMap<>();
    private final Set<String> predicted = new HashSet<>();
    private final long[] truthCount = new long[Location.COUNT];
    private final ClassDetections[] scored = new ClassDetections[Location.COUNT];
    private final int[] ignored = new int[Location.COUNT];
    private int fieldsNotInTruth;
    private final List<String> notInTruthExamples = new ArrayList<>();

    public MapEvaluator(IouKind kind) {
        this.kind = kind;
        for (int c = 0; c < Location.COUNT; c++) {
            scored[c] = new ClassDetections();
        }
    }

    /**
     * Adds the ground truth of one field (triples {@code class 1 mask}; the confidence is not used).
     *
     * @throws IllegalArgumentException if the field is already in the truth
     * @throws IllegalStateException    if predictions were already added
     * @throws org.hpacell.io.MaskFormatException if a mask does not decode
     */
    public void addTruth(SubmissionRow row) {
        if (!predicted.isEmpty() || fieldsNotInTruth > 0) {
            throw new IllegalStateException("add all ground truth before the predictions");
        }
        if (truth.containsKey(row.id())) {
            throw new IllegalArgumentException("field " + row.id() + " appears twice in the ground truth");
        }
        FieldTruth t = new FieldTruth(row);
        truth.put(row.id(), t);
        for (int c = 0; c < Location.COUNT; c++) {
            truthCount[c] += t.instances[c].length;
        }
    }

    /**
     * Adds and matches the predictions of one field. A field not in the truth is counted and not scored.
     *
     * @return whether the field is in the truth (and was scored)
     * @throws IllegalArgumentException if the field was already predicted or its size differs from the truth's
     * @throws org.hpacell.io.MaskFormatException if a mask does not decode
     */
    public boolean addPrediction(SubmissionRow row) {
        FieldTruth t = truth.get(row.id());
        if (t == null) {
            fieldsNotInTruth++;
            if (notInTruthExamples.size() < 10) {
                notInTruthExamples.add(row.id());
            }
            return false;
        }
        if (row.width() != t.width || row.height() != t.height) {
            throw new IllegalArgumentException("field " + row.id() + " is " + row.width() + "x" + row.height()
                    + " in the predictions but " + t.width + "x" + t.height + " in the ground truth");
        }
        if (!predicted.add(row.id())) {
            throw new IllegalArgumentException("field " + row.id() + " appears twice in the predictions");
        }
        new FieldMatch(t, row).run();
        return true;
    }

    /** The evaluation of everything added so far. */
    public EvaluationResult result() {
        List<ClassResult> classes = new ArrayList<>(Location.COUNT);
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < Location.COUNT; c++) {
            ClassDetections d = scored[c];
            double ap = Double.NaN;
            if (truthCount[c] > 0) {
                ap = AveragePrecision.compute(d.ranked(), d.size(), truthCount[c]);
                sum += ap;
                counted++;
            }
            classes.add(new ClassResult(Location.of(c), truthCount[c], d.size(), ignored[c], d.truePositives(), ap));
        }
        double map = counted == 0 ? Double.NaN : sum / counted;
        return new EvaluationResult(kind, map, classes, truth.size(), predicted.size(), fieldsNotInTruth,
                notInTruthExamples);
    }

    /**
     * The precision-recall curve of one class over everything added so far: one point after each of its
     * scored detections, in ranking order (the points {@link AveragePrecision} integrates).
     *
     * @return the curve, empty when the class has no ground truth (its precision and recall are undefined)
     */
    public Optional<PrecisionRecallCurve> precisionRecall(Location c) {
        long truthInstances = truthCount[c.index()];
        if (truthInstances == 0) {
            return Optional.empty();
        }
        ClassDetections d = scored[c.index()];
        return Optional.of(PrecisionRecallCurve.of(c, d.ranked(), d.rankedConfidences(), truthInstances));
    }

    /** The matching of one field's predictions against its truth. */
    private final class FieldMatch {
        private final FieldTruth truth;
        private final SubmissionRow row;
        private final List<CocoRle> masks = new ArrayList<>();
        /** Overlap of predicted mask i with truth mask j, computed on first use. */
        private final Map<Long, Overlap> overlaps = new HashMap<>();

        FieldMatch(FieldTruth truth, SubmissionRow row) {
            this.truth = truth;
            this.row = row;
        }

        void run() {
            List<Prediction> preds = row.predictions();
            // Decode every distinct mask string once, reusing the truth's masks for identical strings.
            Map<String, Integer> index = new HashMap<>();
            int[] maskOf = new int[preds.size()];
            int[] perClass = new int[Location.COUNT];
            for (int i = 0; i < preds.size(); i++) {
                Prediction p = preds.get(i);
                maskOf[i] = index.computeIfAbsent(p.encodedMask(), s -> {
                    CocoRle known = truth.known(s);
                    masks.add(known != null ? known : MaskCodec.decodeRle(s, truth.width, truth.height));
                    return masks.size() - 1;
                });
                perClass[p.classIndex()]++;
            }
            int[][] byClass = new int[Location.COUNT][];
            for (int c = 0; c < Location.COUNT; c++) {
                byClass[c] = new int[perClass[c]];
                perClass[c] = 0;
            }
            for (int i = 0; i < preds.size(); i++) {
                int c = preds.get(i).classIndex();
                byClass[c][perClass[c]++] = i;
            }
            for (int c = 0; c < Location.COUNT; c++) {
                if (byClass[c].length == 0) {
                    continue;
                }
                if (truth.instances[c].length == 0) {
                    ignored[c] += byClass[c].length;
                    continue;
                }
                matchClass(c, byClass[c], maskOf);
            }
        }

        private void matchClass(int c, int[] detections, int[] maskOf) {
            List<Prediction> preds = row.predictions();
            Integer[] order = new Integer[detections.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = detections[k];
            }
            // Stable: equal confidences stay in row order.
            Arrays.sort(order, (a, b) -> Double.compare(preds.get(b).confidence(), preds.get(a).confidence()));
            int[] cells = truth.instances[c];
            boolean[] taken = new boolean[cells.length];
            for (int det : order) {
                int best = 0;
                Overlap bestOverlap = overlap(maskOf[det], cells[0]);
                for (int j = 1; j < cells.length; j++) {
                    Overlap o = overlap(maskOf[det], cells[j]);
                    if (o.greaterThan(bestOverlap)) {
                        best = j;
                        bestOverlap = o;
                    }
                }
                boolean tp = bestOverlap.matches() && !taken[best];
                if (tp) {
                    taken[best] = true;
                }
                scored[c].add(preds.get(det).confidence(), tp);
            }
        }

        private Overlap overlap(int predMask, int truthMask) {
            long key = ((long) predMask << 32) | truthMask;
            Overlap o = overlaps.get(key);
            if (o == null) {
                o = Overlap.of(masks.get(predMask), truth.masks.get(truthMask), kind);
                overlaps.put(key, o);
            }
            return o;
        }
    }
}
