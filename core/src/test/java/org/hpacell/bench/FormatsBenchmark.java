package org.hpacell.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.Box;
import org.hpacell.image.LabelImage;
import org.hpacell.io.CocoRle;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.io.SubmissionWriter;
import org.hpacell.metric.EvaluationResult;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.SubmissionScorer;
import org.hpacell.progress.Progress;

/**
 * Speed of the mask codec, the submission writer/reader and the metric on 2048x2048 fields with ~20
 * blob-shaped cells of ~30,000 pixels (seeded, so every run measures the same data). Prints a table of
 * CPU times of the (single) benchmark thread.
 *
 * <pre>
 * ./mvnw -q -o -pl core -am test-compile
 * ./mvnw -q -o -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp core/target/classes:core/target/test-classes:$(cat /tmp/cp.txt) org.hpacell.bench.FormatsBenchmark [fields] [evalFields]
 * </pre>
 */
public final class FormatsBenchmark {
    static final int SIZE = 2048;
    static final int CELLS = 20;
    static final int CLASSES = 19;

    private FormatsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int submissionFields = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int evalFields = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Files.createTempDirectory("hpacell-bench");
        List<String[]> rows = new ArrayList<>();
        try {
            codec(rows);
            submission(rows, dir, submissionFields);
            evaluation(rows, dir, evalFields);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        System.out.printf(Locale.ROOT, "%-58s %14s %s%n", "operation", "CPU time", "note");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-58s %14s %s%n", r[0], r[1], r[2]);
        }
    }

    private static void codec(List<String[]> rows) {
        Random rnd = new Random(1);
        BinaryMask[] masks = new BinaryMask[64];
        CocoRle[] neighbours = new CocoRle[masks.length];
        for (int i = 0; i < masks.length; i++) {
            int cx = 200 + rnd.nextInt(1600), cy = 200 + rnd.nextInt(1600);
            masks[i] = blob(rnd, cx, cy, 98);
            neighbours[i] = CocoRle.of(blob(rnd, cx + 3, cy - 2, 98));
        }
        String[] encoded = new String[masks.length];
        CocoRle[] rles = new CocoRle[masks.length];
        long area = 0;
        for (int i = 0; i < masks.length; i++) {
            encoded[i] = MaskCodec.encode(masks[i]);
            rles[i] = CocoRle.of(masks[i]);
            area += masks[i].area();
        }
        String note = String.format(Locale.ROOT, "mean cell %d px, %d-char string", area / masks.length,
                Arrays.stream(encoded).mapToInt(String::length).sum() / masks.length);
        int reps = 4000;
        rows.add(new String[] {"encode 2048x2048 cell mask -> Kaggle string", micros(time(reps, i -> MaskCodec.encode(masks[i % 64]))), note});
        rows.add(new String[] {"  of which mask -> RLE runs", micros(time(reps, i -> CocoRle.of(masks[i % 64]))), ""});
        rows.add(new String[] {"  of which RLE string + zlib 9 + base64", micros(time(reps, i -> MaskCodec.encode(rles[i % 64]))), ""});
        rows.add(new String[] {"decode Kaggle string -> RLE runs", micros(time(reps, i -> MaskCodec.decodeRle(encoded[i % 64], SIZE, SIZE))), ""});
        rows.add(new String[] {"decode Kaggle string -> BinaryMask", micros(time(reps, i -> MaskCodec.decode(encoded[i % 64], SIZE, SIZE))), ""});
        rows.add(new String[] {"intersection of two overlapping cells from RLE runs", micros(time(reps * 10,
                i -> rles[i % 64].intersectionArea(neighbours[i % 64]))), "interval merge, runs cached"});
    }

    private static void submission(List<String[]> rows, Path dir, int fields) throws IOException {
        Random rnd = new Random(2);
        List<LabelImage> images = new ArrayList<>();
        for (int f = 0; f < Math.min(fields, 8); f++) {
            images.add(labelImage(rnd));
        }
        double[] scores = new double[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            scores[k] = rnd.nextDouble();
        }
        Path file = dir.resolve("submission.csv");
        long t0 = cpu();
        try (SubmissionWriter out = SubmissionWriter.open(file)) {
            for (int f = 0; f < fields; f++) {
                out.writeCells("field" + f, images.get(f % images.size()), id -> scores);
            }
            out.commit();
        }
        long write = cpu() - t0;
        long bytes = Files.size(file);
        t0 = cpu();
        long triples = 0;
        try (SubmissionReader in = SubmissionReader.open(file)) {
            for (SubmissionRow r; (r = in.next()) != null; ) {
                triples += r.predictions().size();
            }
        }
        long read = cpu() - t0;
        String what = fields + " fields x " + CELLS + " cells x 19 classes";
        rows.add(new String[] {"write submission (" + what + ")", millis(write),
            String.format(Locale.ROOT, "%.2f ms/field incl. cell masks from label image, %d MB", write / 1e6 / fields, bytes >> 20)});
        rows.add(new String[] {"read submission back (rows + triples, no decode)", millis(read), triples + " triples"});
        LabelImage one = images.get(0);
        rows.add(new String[] {"  writer part: LabelImage.objects() of a 2048x2048 field", micros(time(20, i -> one.objects())), ""});
        var objects = one.objects();
        rows.add(new String[] {"  writer part: cell masks from the label image (20 cells)", micros(time(20,
                i -> objects.stream().map(one::mask).toList())), ""});
        var cellMasks = objects.stream().map(one::mask).toList();
        rows.add(new String[] {"  writer part: encode the 20 cell masks", micros(time(20,
                i -> cellMasks.stream().map(MaskCodec::encode).toList())), ""});
    }

    private static void evaluation(List<String[]> rows, Path dir, int fields) throws IOException {
        Random rnd = new Random(3);
        Path truth = dir.resolve("truth.csv");
        Path pred = dir.resolve("pred.csv");
        long t0 = cpu();
        try (SubmissionWriter t = SubmissionWriter.open(truth); SubmissionWriter p = SubmissionWriter.open(pred)) {
            for (int f = 0; f < fields; f++) {
                List<Prediction> gt = new ArrayList<>();
                List<Prediction> pr = new ArrayList<>();
                for (int c = 0; c < CELLS; c++) {
                    int cx = 150 + (c % 5) * 420 + rnd.nextInt(40);
                    int cy = 150 + (c / 5) * 480 + rnd.nextInt(40);
                    String cell = MaskCodec.encode(blob(rnd, cx, cy, 98));
                    int labels = 1 + rnd.nextInt(3);
                    for (int l = 0; l < labels; l++) {
                        gt.add(new Prediction(rnd.nextInt(CLASSES), 1, cell));
                    }
                    // The predicted cell: a differently shaped blob around the same centre.
                    String guess = MaskCodec.encode(blob(rnd, cx + rnd.nextInt(9) - 4, cy + rnd.nextInt(9) - 4, 98));
                    for (int k = 0; k < CLASSES; k++) {
                        pr.add(new Prediction(k, rnd.nextDouble(), guess));
                    }
                }
                t.write(new SubmissionRow("field" + f, SIZE, SIZE, gt));
                p.write(new SubmissionRow("field" + f, SIZE, SIZE, pr));
            }
            t.commit();
            p.commit();
        }
        long gen = cpu() - t0;
        String what = fields + " fields x " + CELLS + " cells x 19 classes";
        rows.add(new String[] {"generate truth + predictions (" + what + ")", millis(gen), "setup, not the metric"});
        for (IouKind kind : IouKind.values()) {
            SubmissionScorer.score(truth, pred, kind, Progress.Factory.NONE); // warm-up
            t0 = cpu();
            EvaluationResult r = SubmissionScorer.score(truth, pred, kind, Progress.Factory.NONE);
            long eval = cpu() - t0;
            rows.add(new String[] {"evaluate " + what + ", " + kind + " IoU", millis(eval),
                String.format(Locale.ROOT, "%s; mAP %.4f, %d scored detections, incl. reading both files",
                        secondsPer(eval, fields, "field"),
                        r.meanAveragePrecision(), r.classes().stream().mapToLong(c -> c.detections()).sum())});
        }
    }

    /**
     * A cell-like blob around (cx, cy) in a 2048x2048 frame: a rotated ellipse of mean radius {@code r}
     * (~pi r^2 pixels) with a lobe on one side and a small hole, so its runs are not those of a convex shape.
     */
    static BinaryMask blob(Random rnd, int cx, int cy, int r) {
        double ax = r * (0.8 + 0.4 * rnd.nextDouble());
        double ay = (double) r * r / ax;
        double angle = rnd.nextDouble() * Math.PI;
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double lobeX = cx + ax * cos * 0.8, lobeY = cy + ax * sin * 0.8, lobeR = r * 0.45;
        double holeX = cx - ay * sin * 0.4, holeY = cy + ay * cos * 0.4, holeR = r * 0.08;
        int reach = (int) (Math.max(ax, ay) * 1.3) + 1;
        Box box = new Box(Math.max(0, cx - reach), Math.max(0, cy - reach), 2 * reach + 1, 2 * reach + 1)
                .intersect(new Box(0, 0, SIZE, SIZE));
        boolean[] local = new boolean[box.width() * box.height()];
        for (int y = box.y(); y < box.yEnd(); y++) {
            for (int x = box.x(); x < box.xEnd(); x++) {
                double dx = x - cx, dy = y - cy;
                double u = (dx * cos + dy * sin) / ax, v = (-dx * sin + dy * cos) / ay;
                boolean in = u * u + v * v < 1 || sq(x - lobeX) + sq(y - lobeY) < lobeR * lobeR;
                local[(y - box.y()) * box.width() + (x - box.x())] = in && sq(x - holeX) + sq(y - holeY) >= holeR * holeR;
            }
        }
        return BinaryMask.ofBox(SIZE, SIZE, box, local);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static LabelImage labelImage(Random rnd) {
        int[] labels = new int[SIZE * SIZE];
        for (int c = 0; c < CELLS; c++) {
            BinaryMask m = blob(rnd, 150 + (c % 5) * 420 + rnd.nextInt(40), 150 + (c / 5) * 480 + rnd.nextInt(40), 98);
            Box b = m.bounds();
            for (int y = b.y(); y < b.yEnd(); y++) {
                for (int x = b.x(); x < b.xEnd(); x++) {
                    if (m.get(x, y)) {
                        labels[y * SIZE + x] = c + 1;
                    }
                }
            }
        }
        return new LabelImage(SIZE, SIZE, labels);
    }

    interface Op {
        Object run(int i);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * CPU time of this thread in nanoseconds. The benchmarks are single-threaded; on a shared machine CPU
     * time is what the code costs, while wall time also counts waiting for other processes.
     */
    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Mean CPU nanoseconds per call after a warm-up of the same length. */
    static double time(int reps, Op op) {
        Object sink = null;
        for (int i = 0; i < reps; i++) {
            sink = op.run(i);
        }
        long t0 = cpu();
        for (int i = 0; i < reps; i++) {
            sink = op.run(i);
        }
        long ns = cpu() - t0;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return (double) ns / reps;
    }

    static String micros(double ns) {
        return String.format(Locale.ROOT, "%.1f us", ns / 1e3);
    }

    static String millis(long ns) {
        return String.format(Locale.ROOT, "%.0f ms", ns / 1e6);
    }

    static String secondsPer(long ns, int n, String unit) {
        return String.format(Locale.ROOT, "%.2f ms/%s", ns / 1e6 / n, unit);
    }
}
