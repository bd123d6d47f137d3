package org.hpacell.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hpacell.cam.cell.CellPredictions;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.FieldFailures;
import org.hpacell.io.FieldTasks;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.SubmissionRow;
import org.hpacell.io.SubmissionWriter;
import org.hpacell.progress.Progress;

/**
 * Writes the class activation maps of every field of a dataset: {@code OUT/maps/ID.npz}
 * ({@link CamMapsFile}), {@code OUT/probabilities.csv} (one row per field: ID and the 19 image-level
 * probabilities), optionally {@code OUT/previews/ID.png} ({@link CamPreview}) and, given cell masks
 * ({@code CELLS/ID.png} label images), a submission with every class of every cell scored from the maps
 * ({@link CellScorer}), its rows in field-ID order so that identical runs write identical files (the
 * scorer breaks ties by file order).
 *
 * <p>Fields are processed by {@code threads} workers ({@link FieldTasks}), each reading its field when it
 * starts it, so memory stays bounded whatever the dataset's size; a field that fails is reported and the
 * others go on. Every
 * file is written atomically.
 */
public final class CamJob {
    /**
     * What to write besides the maps.
     *
     * @param plan         test-time augmentation
     * @param threads      worker threads (each runs whole fields)
     * @param preview      write preview PNGs
     * @param previewClass the class shown, or -1 for each field's most probable class
     * @param cells        folder of cell label images {@code ID.png}, or null for no cell scores
     * @param submission   the submission file to write when {@code cells} is given
     * @param scorer       how cells are scored
     */
    public record Options(TtaPlan plan, int threads, boolean preview, int previewClass, Path cells,
                          Path submission, CellScorer scorer) {
    }

    /** What a run did. */
    public record Result(int written, List<FieldFailure> failures) {
    }

    private CamJob() {
    }

    /** The maps of {@code ids} of {@code data}, averaged over {@code models}. */
    public static Result run(List<CamModel> models, HpaDataset data, List<String> ids, Path out, Options options,
                             Progress.Factory progress) throws IOException {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model given");
        }
        FieldFailures failures = new FieldFailures();
        Map<String, float[]> probabilities = new TreeMap<>();
        Map<String, SubmissionRow> rows = new TreeMap<>(); // written in field-ID order, whatever the threads do
        int[] written = {0};
        try (Progress p = progress.start("cams", ids.size())) {
            FieldTasks.run(ids, options.threads(), failures, p, id -> {
                CamMaps maps = field(models, data.read(id), out, options, rows);
                synchronized (probabilities) {
                    probabilities.put(id, maps.probabilities());
                    written[0]++;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (options.cells() != null) {
            try (SubmissionWriter w = SubmissionWriter.open(options.submission())) {
                for (SubmissionRow row : rows.values()) {
                    w.write(row);
                }
                w.commit();
            }
        }
        writeProbabilities(out.resolve("probabilities.csv"), probabilities);
        return new Result(written[0], failures.list());
    }

    private static CamMaps field(List<CamModel> models, FieldImage field, Path out, Options options,
                                 Map<String, SubmissionRow> rows) throws IOException {
        CamMaps maps = maps(models, field, options.plan());
        CamMapsFile.write(CamMapsFile.of(out.resolve("maps"), field.id()), maps);
        if (options.preview()) {
            int c = options.previewClass() >= 0 ? options.previewClass() : CamPreview.mostProbableClass(maps);
            ImageFiles.writeRgb(out.resolve("previews").resolve(field.id() + ".png"), CamPreview.overlay(field, maps, c));
        }
        if (options.cells() != null) {
            LabelImage cells = ImageFiles.readLabels(options.cells().resolve(field.id() + ".png"));
            SubmissionRow row = CellPredictions.row(field.id(), cells, options.scorer().score(maps, cells));
            synchronized (rows) {
                rows.put(field.id(), row);
            }
        }
        return maps;
    }

    /** The maps of one field, averaged over {@code models}: the step {@link #run} applies to every field. */
    public static CamMaps maps(List<CamModel> models, FieldImage field, TtaPlan plan) throws IOException {
        List<CamMaps> each = new ArrayList<>();
        for (CamModel model : models) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = model.input(field, m);
                each.add(new CamExtractor(model.classifier(), plan).extract(field.id(), x, field.width(),
                        field.height()));
            }
        }
        return each.size() == 1 ? each.get(0) : CamMaps.average(each);
    }

    /** Writes {@code probabilities.csv}: a header {@code ID,0,...,18}, then one row per field in key order. */
    public static void writeProbabilities(Path file, Map<String, float[]> probabilities) throws IOException {
        StringBuilder sb = new StringBuilder("ID");
        for (int c = 0; c < org.hpacell.atlas.Location.COUNT; c++) {
            sb.append(',').append(c);
        }
        sb.append('\n');
        for (Map.Entry<String, float[]> e : probabilities.entrySet()) {
            sb.append(e.getKey());
            for (float v : e.getValue()) {
                sb.append(',').append(String.format(Locale.ROOT, "%.6f", v));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
