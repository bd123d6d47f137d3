package org.hpacell.geojson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.BadInputException;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.MaskFormatException;
import org.hpacell.io.SubmissionCells;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;

/**
 * Exports a Kaggle submission (or a synthetic atlas's {@code truth.csv}, same layout) as GeoJSON that
 * QuPath opens: {@code OUT/ID.geojson} for every field of the file, one Feature per cell
 * ({@link CellFeatureWriter}). A cell is a distinct mask string of its row ({@link SubmissionCells}); a
 * cell whose most confident class is below the minimum confidence is left out, and a field whose cells
 * are all left out still gets its (empty) FeatureCollection. Files are written atomically, one field at
 * a time, so a submission of any size streams through.
 */
public final class GeoJsonExport {
    /**
     * What an export wrote.
     *
     * @param fields  FeatureCollections written (one per row)
     * @param cells   Features written
     * @param skipped cells left out as less confident than the minimum
     */
    public record Summary(int fields, long cells, long skipped) {
    }

    private GeoJsonExport() {
    }

    /**
     * The folder {@code pipeline} and {@code predict} write the GeoJSON of {@code submission} into:
     * beside it, named after it ({@code submission.csv} gives {@code submission-geojson}).
     */
    public static Path besideSubmission(Path submission) {
        String name = submission.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return submission.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-geojson");
    }

    /**
     * Writes {@code out/ID.geojson} for every row of {@code submission}.
     *
     * @param minConfidence cells whose most confident class scores less are left out (0 keeps every
     *                      cell of a submission whose confidences are probabilities)
     * @throws BadInputException naming the file and line of a malformed row, a mask that does not decode or
     *                           a field ID given twice
     */
    public static Summary export(Path submission, Path out, double minConfidence) throws IOException {
        Files.createDirectories(out);
        int fields = 0;
        long cells = 0;
        long skipped = 0;
        Set<String> seen = new HashSet<>();
        try (SubmissionReader in = SubmissionReader.open(submission)) {
            for (SubmissionRow row = in.next(); row != null; row = in.next()) {
                if (!seen.add(row.id())) {
                    throw new BadInputException(submission, in.lineNumber(), "field " + row.id() + " appears twice");
                }
                if (row.id().contains("/") || row.id().contains("\\") || row.id().startsWith(".")) {
                    throw new BadInputException(submission, in.lineNumber(), "field ID " + row.id()
                            + " cannot name a file (it holds a path separator or starts with a dot)");
                }
                List<CellFeature> features = new ArrayList<>();
                int number = 0;
                for (Map.Entry<String, double[]> e : SubmissionCells.confidences(row).entrySet()) {
                    number++;
                    double[] confidence = e.getValue();
                    if (confidence[SubmissionCells.top(confidence).index()] < minConfidence) {
                        skipped++;
                        continue;
                    }
                    BinaryMask mask;
                    try {
                        mask = MaskCodec.decode(e.getKey(), row.width(), row.height());
                    } catch (MaskFormatException x) {
                        throw new BadInputException(submission, in.lineNumber(),
                                "field " + row.id() + ", cell " + number + ": " + x.getMessage());
                    }
                    if (!mask.isEmpty()) {
                        features.add(CellFeature.of(number, mask, confidence));
                    }
                }
                String id = row.id();
                AtomicFiles.write(out.resolve(id + ".geojson"), stream -> CellFeatureWriter.write(id, features, stream));
                fields++;
                cells += features.size();
            }
        }
        return new Summary(fields, cells, skipped);
    }
}
