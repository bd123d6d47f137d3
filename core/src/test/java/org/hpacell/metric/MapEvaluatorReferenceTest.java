package org.hpacell.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionRow;
import org.junit.jupiter.api.Test;

/**
 * Random fields scored by {@link MapEvaluator} and by a direct implementation of the rules on full-frame
 * pixel masks (no RLE, no caching, no pruning); the two must agree exactly.
 */
class MapEvaluatorReferenceTest {
    static final int W = 48;
    static final int H = 36;

    record Det(int field, int cls, double conf, boolean[] mask, int order) {
    }

    @Test
    void agreesWithADirectImplementationOnRandomFields() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            List<SubmissionRow> truth = new ArrayList<>();
            List<SubmissionRow> preds = new ArrayList<>();
            List<List<boolean[]>> truthMasks = new ArrayList<>();
            List<List<Integer>> truthClasses = new ArrayList<>();
            List<Det> dets = new ArrayList<>();
            int fields = 1 + rnd.nextInt(5);
            for (int f = 0; f < fields; f++) {
                List<boolean[]> cells = new ArrayList<>();
                List<Integer> classes = new ArrayList<>();
                List<Prediction> gt = new ArrayList<>();
                List<Prediction> pr = new ArrayList<>();
                int n = 1 + rnd.nextInt(6);
                for (int i = 0; i < n; i++) {
                    boolean[] cell = blob(rnd, rnd.nextInt(W), rnd.nextInt(H), 3 + rnd.nextInt(9));
                    String enc = encode(cell);
                    for (int k = 0; k < 1 + rnd.nextInt(2); k++) {
                        int c = rnd.nextInt(4);
                        cells.add(cell);
                        classes.add(c);
                        gt.add(new Prediction(c, 1, enc));
                    }
                    int copies = rnd.nextInt(3);
                    for (int k = 0; k < copies; k++) {
                        boolean[] m = shifted(cell, rnd.nextInt(5) - 2, rnd.nextInt(5) - 2);
                        int c = rnd.nextInt(5);
                        double conf = rnd.nextDouble();
                        pr.add(new Prediction(c, conf, encode(m)));
                        dets.add(new Det(f, c, conf, m, dets.size()));
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    boolean[] m = blob(rnd, rnd.nextInt(W), rnd.nextInt(H), 4);
                    double conf = rnd.nextDouble();
                    pr.add(new Prediction(0, conf, encode(m)));
                    dets.add(new Det(f, 0, conf, m, dets.size()));
                }
                truth.add(new SubmissionRow("f" + f, W, H, gt));
                preds.add(new SubmissionRow("f" + f, W, H, pr));
                truthMasks.add(cells);
                truthClasses.add(classes);
            }
            for (IouKind kind : IouKind.values()) {
                MapEvaluator e = new MapEvaluator(kind);
                truth.forEach(e::addTruth);
                preds.forEach(e::addPrediction);
                EvaluationResult r = e.result();
                for (int c = 0; c < 5; c++) {
                    double expected = referenceAp(c, kind, dets, truthMasks, truthClasses);
                    double actual = r.classes().get(c).averagePrecision();
                    assertEquals(expected, actual, 0.0, "trial " + trial + " class " + c + " " + kind);
                }
            }
        }
    }

    private static double referenceAp(int c, IouKind kind, List<Det> dets, List<List<boolean[]>> truthMasks,
            List<List<Integer>> truthClasses) {
        List<double[]> scored = new ArrayList<>(); // {conf, tp, sequence}
        long gtCount = 0;
        for (int f = 0; f < truthMasks.size(); f++) {
            List<boolean[]> gts = new ArrayList<>();
            for (int i = 0; i < truthMasks.get(f).size(); i++) {
                if (truthClasses.get(f).get(i) == c) {
                    gts.add(truthMasks.get(f).get(i));
                }
            }
            gtCount += gts.size();
            final int field = f;
            List<Det> mine = new ArrayList<>(dets.stream().filter(d -> d.field == field && d.cls == c).toList());
            if (gts.isEmpty()) {
                continue;
            }
            mine.sort(Comparator.comparingDouble((Det d) -> -d.conf).thenComparingInt(d -> d.order));
            boolean[] taken = new boolean[gts.size()];
            for (Det d : mine) {
                int best = 0;
                double bestIou = -1;
                long[] bestCounts = null;
                for (int j = 0; j < gts.size(); j++) {
                    long[] iu = kind == IouKind.MASK ? maskIu(d.mask, gts.get(j)) : boxIu(d.mask, gts.get(j));
                    double iou = iu[1] == 0 ? 0 : (double) iu[0] / iu[1];
                    if (iou > bestIou) {
                        bestIou = iou;
                        best = j;
                        bestCounts = iu;
                    }
                }
                boolean tp = bestCounts[1] > 0 && 5 * bestCounts[0] >= 3 * bestCounts[1] && !taken[best];
                if (tp) {
                    taken[best] = true;
                }
                scored.add(new double[] {d.conf, tp ? 1 : 0, scored.size()});
            }
        }
        if (gtCount == 0) {
            return Double.NaN;
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> -s[0]).thenComparingDouble(s -> s[2]));
        int n = scored.size();
        double[] rec = new double[n + 2];
        double[] prec = new double[n + 2];
        int tp = 0;
        for (int i = 0; i < n; i++) {
            tp += (int) scored.get(i)[1];
            prec[i + 1] = tp / (double) (i + 1);
            rec[i + 1] = tp / (double) gtCount;
        }
        rec[n + 1] = 1;
        for (int i = n; i >= 0; i--) {
            prec[i] = Math.max(prec[i], prec[i + 1]);
        }
        double ap = 0;
        for (int i = 1; i < n + 2; i++) {
            if (rec[i] != rec[i - 1]) {
                ap += (rec[i] - rec[i - 1]) * prec[i];
            }
        }
        return ap;
    }

    private static long[] maskIu(boolean[] a, boolean[] b) {
        long inter = 0, union = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) inter++;
            if (a[i] || b[i]) union++;
        }
        return new long[] {inter, union};
    }

    private static long[] boxIu(boolean[] a, boolean[] b) {
        int[] ba = box(a), bb = box(b);
        if (ba == null || bb == null) {
            long area = ba == null ? (bb == null ? 0 : area(bb)) : area(ba);
            return new long[] {0, area};
        }
        int x0 = Math.max(ba[0], bb[0]), y0 = Math.max(ba[1], bb[1]);
        int x1 = Math.min(ba[2], bb[2]), y1 = Math.min(ba[3], bb[3]);
        long inter = x1 < x0 || y1 < y0 ? 0 : (long) (x1 - x0 + 1) * (y1 - y0 + 1);
        return new long[] {inter, area(ba) + area(bb) - inter};
    }

    private static long area(int[] b) {
        return (long) (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
    }

    /** Inclusive {x0, y0, x1, y1} of the set pixels, or null. */
    private static int[] box(boolean[] m) {
        int[] b = null;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (m[y * W + x]) {
                    if (b == null) {
                        b = new int[] {x, y, x, y};
                    }
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                }
            }
        }
        return b;
    }

    private static boolean[] blob(Random rnd, int cx, int cy, int r) {
        boolean[] m = new boolean[W * H];
        double ax = 0.6 + rnd.nextDouble(), ay = 0.6 + rnd.nextDouble();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double dx = (x - cx) / ax, dy = (y - cy) / ay;
                m[y * W + x] = dx * dx + dy * dy < r * r;
            }
        }
        m[cy * W + cx] = true;
        return m;
    }

    private static boolean[] shifted(boolean[] m, int sx, int sy) {
        boolean[] out = new boolean[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int ox = x - sx, oy = y - sy;
                out[y * W + x] = ox >= 0 && oy >= 0 && ox < W && oy < H && m[oy * W + ox];
            }
        }
        return out;
    }

    private static String encode(boolean[] m) {
        return MaskCodec.encode(BinaryMask.ofRowMajor(W, H, m));
    }
}
