package org.hpacell.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.LabelImage;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.io.SubmissionWriter;
import org.hpacell.metric.CellTruthMatcher;

/**
 * The two reference rows that cell truth makes possible, both on the pipeline's own segmentation
 * ({@link CellTruthMatcher}): the segmentation-limited ceiling of the test set, and the oracle's training
 * labels (each training cell labelled with the truth cell it overlaps most).
 */
final class TruthReferences {
    private TruthReferences() {}

    /**
     * Writes the ceiling submission: every segmented test cell with its best truth cell's labels at
     * confidence equal to the IoU, in the truth file's field order; fields without cells are left out.
     *
     * @param cellsOf the cell label image of a field id (absent if the field was not segmented)
     * @return the number of fields written
     */
    static int writeCeiling(Path truthCsv, Function<String, Path> cellsOf, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        int n = 0;
        try (SubmissionReader in = SubmissionReader.open(truthCsv); SubmissionWriter w = SubmissionWriter.open(out)) {
            for (SubmissionRow row = in.next(); row != null; row = in.next()) {
                Path cellsFile = cellsOf.apply(row.id());
                if (!Files.exists(cellsFile)) {
                    continue;
                }
                LabelImage cells = ImageFiles.readLabels(cellsFile);
                Map<Integer, CellTruthMatcher.Match> m = CellTruthMatcher.match(cells, CellTruthMatcher.truthCells(row));
                w.writeCells(row.id(), cells, id -> {
                    CellTruthMatcher.Match match = m.get(id);
                    double[] s = new double[Location.COUNT];
                    for (int k : match.labels().indices()) {
                        s[k] = match.iou();
                    }
                    return s;
                });
                n++;
            }
            w.commit();
        }
        return n;
    }

    /**
     * The oracle's labels: for every segmented training field with truth, each cell's best truth cell's
     * labels (no labels when it overlaps no truth cell).
     *
     * @return labels by field id, then cell id
     */
    static Map<String, Map<Integer, LabelSet>> oracleLabels(Path truthCsv, List<String> ids,
                                                            Function<String, Path> cellsOf) throws IOException {
        Map<String, List<CellTruthMatcher.TruthCell>> truth = CellTruthMatcher.read(truthCsv);
        Map<String, Map<Integer, LabelSet>> out = new HashMap<>();
        for (String id : ids) {
            List<CellTruthMatcher.TruthCell> t = truth.get(id);
            if (t == null) {
                continue;
            }
            Map<Integer, LabelSet> cells = new HashMap<>();
            CellTruthMatcher.match(ImageFiles.readLabels(cellsOf.apply(id)), t)
                    .forEach((cell, match) -> cells.put(cell, match.labels()));
            out.put(id, cells);
        }
        return out;
    }
}
