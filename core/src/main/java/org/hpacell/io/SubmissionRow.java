package org.hpacell.io;

import java.util.List;

/**
 * One row of a Kaggle HPA submission ({@code ID,ImageWidth,ImageHeight,PredictionString}): a field of
 * view and its predictions. One mask string may appear in several predictions (one per class).
 *
 * @param id          the field's ID (no comma, no line break)
 * @param width       image width in pixels
 * @param height      image height in pixels
 * @param predictions the triples in file order (copied, unmodifiable)
 */
public record SubmissionRow(String id, int width, int height, List<Prediction> predictions) {
    /** The header line of a submission file. */
    public static final String CSV_HEADER = SubmissionFormat.HEADER;

    public SubmissionRow {
        checkId(id);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        predictions = List.copyOf(predictions);
    }

    /** Checks that {@code id} can stand in the ID column. */
    static String checkId(String id) {
        if (id.isEmpty() || id.indexOf(',') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("image ID must be non-empty without comma or line break: '" + id + "'");
        }
        return id;
    }

    /** The row as one line of a submission file (no line break), exactly as {@link SubmissionWriter} writes it. */
    public String csvLine() {
        return SubmissionFormat.format(this);
    }
}
