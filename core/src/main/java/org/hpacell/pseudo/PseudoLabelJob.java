package org.hpacell.pseudo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.LabelImage;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.FieldFailures;
import org.hpacell.io.FieldTasks;
import org.hpacell.io.ImageFiles;
import org.hpacell.progress.Progress;

/**
 * Makes the pseudo labels of a set of fields, in parallel, and writes them to a folder:
 * <pre>
 * OUT/pixels/ID.npz       pixel pseudo labels ({@link PixelLabelsFile})
 * OUT/cell_labels.csv     five-level cell pseudo labels of every field ({@link CellLabelsCsv}), fields by id
 * OUT/preview/ID.png      a picture of the pixel labels with cell outlines ({@link PseudoLabelPreview}),
 *                         for the first {@code previews} fields in id order
 * </pre>
 * A field that cannot be read or labelled is skipped and reported in {@link Result#failures()}; the
 * others are written. Every file is written atomically.
 */
public final class PseudoLabelJob {
    /** The name of the cell-label file in the output folder. */
    public static final String CELL_LABELS = "cell_labels.csv";

    /** Everything the job needs of one field. */
    public record FieldInput(ClassMaps maps, LabelImage cells, LabelSet imageLabels) {
    }

    /** Reads the inputs of one field; must be thread-safe. */
    @FunctionalInterface
    public interface Source {
        /** @throws IOException naming the file and the problem */
        FieldInput load(String id) throws IOException;
    }

    /**
     * The outcome.
     *
     * @param fields      fields labelled
     * @param cells       cells graded
     * @param gradeCounts {@code gradeCounts[k][g]}: cells with grade {@code Grade.values()[g]} for class k
     * @param failures    fields skipped, by id
     */
    public record Result(int fields, int cells, long[][] gradeCounts, List<FieldFailure> failures) {
    }

    private final PseudoLabelConfig config;
    private final int threads;
    private final int previews;

    /**
     * @param threads  worker threads (at least 1)
     * @param previews number of fields (first in id order) to draw a preview of
     */
    public PseudoLabelJob(PseudoLabelConfig config, int threads, int previews) {
        this.config = config;
        this.threads = Math.max(1, threads);
        this.previews = Math.max(0, previews);
    }

    /**
     * Labels the fields {@code ids} read from {@code source} into {@code out}.
     *
     * @throws IOException          if the cell-label file cannot be written
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    public Result run(List<String> ids, Source source, Path out, Progress progress)
            throws IOException, InterruptedException {
        Set<String> previewIds = new TreeSet<>(ids).stream().limit(previews)
                .collect(Collectors.toSet());
        PixelPseudoLabeler pixels = new PixelPseudoLabeler(config);
        CellGrader grader = new CellGrader(config);
        Map<String, CellPseudoLabels> graded = new ConcurrentSkipListMap<>();
        FieldFailures failures = new FieldFailures();
        FieldTasks.run(ids, threads, failures, progress, id -> {
            FieldInput in = source.load(id);
            PixelPseudoLabels p = pixels.label(in.maps(), in.imageLabels());
            CellPseudoLabels c = grader.grade(id, in.maps(), in.cells(), in.imageLabels());
            PixelLabelsFile.write(out.resolve("pixels").resolve(id + PixelLabelsFile.SUFFIX), p);
            if (previewIds.contains(id)) {
                ImageFiles.writeRgb(out.resolve("preview").resolve(id + ".png"),
                        PseudoLabelPreview.render(p, in.cells()));
            }
            graded.put(id, c);
        });
        List<CellPseudoLabels> all = new ArrayList<>(graded.values());
        CellLabelsCsv.write(out.resolve(CELL_LABELS), all);
        long[][] counts = new long[Location.COUNT][Grade.values().length];
        int cells = 0;
        for (CellPseudoLabels f : all) {
            cells += f.size();
            for (int r = 0; r < f.size(); r++) {
                for (int k = 0; k < Location.COUNT; k++) {
                    counts[k][f.grade(r, k).ordinal()]++;
                }
            }
        }
        return new Result(all.size(), cells, counts, failures.list());
    }
}
