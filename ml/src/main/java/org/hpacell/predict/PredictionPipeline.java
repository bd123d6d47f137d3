package org.hpacell.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hpacell.atlas.Location;
import org.hpacell.cam.cell.CellPredictions;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.identity.Fingerprints;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.BadInputException;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.FieldFailures;
import org.hpacell.io.FieldTasks;
import org.hpacell.io.FileTrees;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.io.SubmissionWriter;
import org.hpacell.progress.Progress;

/**
 * segment -> stage 1 -> stage 2 -> combination -> Kaggle submission, field by field on a thread pool.
 *
 * <p>Per field: read the field, get its cells ({@link FieldModels.CellSource}), the mean image
 * probabilities of the stage-1 models, the mean cell scores of the stage-2 models (an ensemble; with no
 * stage-2 model every cell gets the image probabilities, the broadcast baseline), the two combined by the
 * {@link CombinationRule}; the field's row (every class for every cell) is written to its own part file.
 *
 * <p>Resumable: parts live in {@code SUBMISSION.parts/ID.FIELD.csv}, each written atomically, so a
 * killed run keeps every finished field; a new run skips fields whose part exists. A part carries the
 * identity of what made it: the folder is stamped with the caller's fingerprint of the models and
 * options ({@code .models}; a folder with another stamp, or none, is emptied first), and FIELD in a
 * part's name is the fingerprint of the field's channel files (names, sizes, times), so a part is
 * reused only for the same models on the same pixels. When every field is done the parts are joined in
 * field-ID order into the submission (atomically) and the part folder is removed. A field that fails is
 * reported and gets no row (its cells are then missed by the metric); the others go on, and a field
 * whose files are bad does not hold back the submission of the others. Models are
 * called from several threads at once and must be thread-safe. The caller holds the lock of the
 * submission ({@link org.hpacell.identity.OutputLock}), since a run clears what earlier runs left.
 */
public final class PredictionPipeline {
    /** The outcome of a run. */
    public record Result(int predicted, int resumed, List<FieldFailure> failures, boolean complete) {
    }

    /** The stamp of the models and options in a part folder. */
    static final String STAMP = ".models";

    private final FieldModels.CellSource cells;
    private final List<FieldModels.ImageModel> stage1;
    private final List<FieldModels.CellModel> stage2;
    private final CombinationRule rule;
    private final int threads;

    /**
     * @param stage1 at least one image model (their probabilities are averaged)
     * @param stage2 cell models (their scores are averaged); empty for the broadcast baseline
     */
    public PredictionPipeline(FieldModels.CellSource cells, List<FieldModels.ImageModel> stage1,
                              List<FieldModels.CellModel> stage2, CombinationRule rule, int threads) {
        if (stage1.isEmpty()) {
            throw new IllegalArgumentException("the pipeline needs at least one stage-1 model");
        }
        this.cells = cells;
        this.stage1 = List.copyOf(stage1);
        this.stage2 = List.copyOf(stage2);
        this.rule = rule;
        this.threads = Math.max(1, threads);
    }

    /** The folder of part files of {@code submission}. */
    public static Path partsFolder(Path submission) {
        return submission.resolveSibling(submission.getFileName() + ".parts");
    }

    /**
     * Predicts every field of {@code data} into {@code submission}.
     *
     * @param models the fingerprint of everything but the fields that makes a prediction: the models,
     *               their options and the cell source; parts made under another are never reused
     * @return what was done; {@link Result#complete()} is false when a field failed for a reason a rerun
     *         may mend (the submission is then not written, the parts stay, and a new run retries only the
     *         failed fields). Fields whose files are bad ({@link BadInputException}) and those the dataset
     *         left out when it was opened are in the failures but do not hold back the submission, which
     *         is written without them (a rerun cannot mend them; the parts stay for when they are fixed).
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    public Result run(HpaDataset data, Path submission, String models, Progress progress)
            throws IOException, InterruptedException {
        return run(data, data.ids(), submission, models, progress);
    }

    /** {@link #run(HpaDataset, Path, String, Progress)} of some fields of {@code data}. */
    public Result run(HpaDataset data, List<String> ids, Path submission, String models, Progress progress)
            throws IOException, InterruptedException {
        Path parts = partsFolder(submission);
        AtomicFiles.removeLeftoversOf(submission);
        if (Files.isDirectory(parts) && !models.equals(stamp(parts))) {
            FileTrees.delete(parts); // another model's or an older hpacell's parts
        }
        AtomicFiles.removeLeftovers(parts);
        if (!Files.isRegularFile(parts.resolve(STAMP))) {
            AtomicFiles.writeString(parts.resolve(STAMP), models + "\n");
        }
        Map<String, Path> partOf = new TreeMap<>();
        for (String id : ids) {
            partOf.put(id, parts.resolve(id + "." + fieldFingerprint(data, id) + ".csv"));
        }
        FieldFailures failures = new FieldFailures();
        List<String> todo = new ArrayList<>();
        for (String id : ids) {
            if (!Files.isRegularFile(partOf.get(id))) {
                todo.add(id);
            }
        }
        int resumed = ids.size() - todo.size();
        progress.step(resumed);
        Set<String> badInputs = ConcurrentHashMap.newKeySet(); // a rerun cannot mend these
        FieldTasks.run(todo, threads, failures, progress, id -> {
            try {
                predict(data.read(id), partOf.get(id));
            } catch (BadInputException e) {
                badInputs.add(id);
                throw e;
            }
        });
        boolean complete = failures.size() == badInputs.size();
        if (complete) {
            partOf.keySet().removeAll(badInputs);
            join(partOf, submission);
            if (badInputs.isEmpty()) {
                FileTrees.delete(parts);
            } // else the parts stay, so a run after the bad files are mended redoes only those
        }
        List<FieldFailure> all = new ArrayList<>(data.problems());
        all.addAll(failures.list());
        return new Result(todo.size() - failures.size(), resumed, all, complete);
    }

    private static String stamp(Path parts) throws IOException {
        Path f = parts.resolve(STAMP);
        return Files.isRegularFile(f) ? Files.readString(f).strip() : null;
    }

    /** The fingerprint of a field's channel files. */
    private static String fieldFingerprint(HpaDataset data, String id) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Channel c : Channel.values()) {
            files.add(data.channelPath(id, c));
        }
        return Fingerprints.files(files);
    }

    /**
     * One field's prediction: its cells and their combined scores.
     *
     * @param cells  the field's cell label image
     * @param scores 19 scores per cell, ascending cell id
     */
    public record FieldPrediction(LabelImage cells, List<CellScores> scores) {
        /** The field's submission row: every class for every cell. */
        public SubmissionRow row(String id) {
            return CellPredictions.row(id, cells, scores);
        }
    }

    /**
     * Predicts one field: its cells, the mean stage-1 probabilities, the mean stage-2 scores, combined.
     * The step {@link #run} applies to every field, for callers that distribute fields themselves.
     */
    public FieldPrediction predict(FieldImage field) throws IOException {
        LabelImage c = cells.cells(field);
        float[] image = new float[Location.COUNT];
        for (FieldModels.ImageModel m : stage1) {
            float[] p = m.probabilities(field);
            for (int k = 0; k < image.length; k++) {
                image[k] += p[k] / stage1.size();
            }
        }
        if (stage2.isEmpty()) {
            return new FieldPrediction(c, broadcast(c, image));
        }
        List<List<CellScores>> each = new ArrayList<>();
        for (FieldModels.CellModel m : stage2) {
            each.add(m.score(field, c));
        }
        return new FieldPrediction(c, rule.apply(image, CellScoreEnsemble.mean(each)));
    }

    private void predict(FieldImage field, Path part) throws IOException {
        SubmissionRow row = predict(field).row(field.id());
        try (SubmissionWriter w = SubmissionWriter.open(part)) {
            w.write(row);
            w.commit();
        }
    }

    private static List<CellScores> broadcast(LabelImage cells, float[] image) {
        List<CellScores> out = new ArrayList<>();
        cells.objects().forEach(o -> out.add(new CellScores(o.id(), image.clone())));
        return out;
    }

    /** Joins the parts in field-ID order into the submission. */
    private static void join(Map<String, Path> partOf, Path submission) throws IOException {
        try (SubmissionWriter w = SubmissionWriter.open(submission)) {
            for (Path part : partOf.values()) {
                try (SubmissionReader r = SubmissionReader.open(part)) {
                    for (SubmissionRow row = r.next(); row != null; row = r.next()) {
                        w.write(row);
                    }
                }
            }
            w.commit();
        }
    }
}
