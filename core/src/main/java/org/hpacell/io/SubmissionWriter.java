package org.hpacell.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.hpacell.atlas.Location;
import org.hpacell.image.LabelImage;
import org.hpacell.image.LabelObject;

/**
 * Writes a Kaggle HPA submission row by row (nothing but the current row is held in memory) to a
 * temporary file beside the target, and moves it into place on {@link #commit()}. Closing without
 * committing (for example when an exception leaves a try-with-resources block) deletes the temporary
 * file, so a failed job never leaves a half-written submission that looks whole.
 *
 * <pre>{@code
 * try (SubmissionWriter out = SubmissionWriter.open(path)) {
 *     for (...) out.writeCells(id, cells, scores::get);
 *     out.commit();
 * }
 * }</pre>
 */
public final class SubmissionWriter implements Closeable {
    private final AtomicTextWriter file;
    private long rows;

    private SubmissionWriter(AtomicTextWriter file) {
        this.file = file;
    }

    /** Starts a submission that will replace {@code target} when committed (parent folders are created). */
    public static SubmissionWriter open(Path target) throws IOException {
        AtomicTextWriter file = AtomicTextWriter.open(target);
        try {
            file.line(SubmissionFormat.HEADER);
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return new SubmissionWriter(file);
    }

    /** Appends one row. */
    public void write(SubmissionRow row) throws IOException {
        file.line(SubmissionFormat.format(row));
        rows++;
    }

    /**
     * Appends the row of a field from its cell label image: for every cell (in ascending id order) the
     * 19 triples {@code class score mask}, the cell's mask encoded once and repeated for each class.
     *
     * @param id     the field's ID
     * @param cells  the field's cells (0 = background)
     * @param scores the 19 class scores of a cell id ({@code scores[k]} for class index k); a cell for which
     *               it returns {@code null} is left out
     * @throws IllegalArgumentException if a score array does not hold 19 finite numbers
     */
    public void writeCells(String id, LabelImage cells, IntFunction<double[]> scores) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        sb.append(SubmissionRow.checkId(id))
                .append(',').append(cells.width()).append(',').append(cells.height()).append(',');
        boolean first = true;
        for (LabelObject cell : cells.objects()) {
            double[] s = scores.apply(cell.id());
            if (s == null) {
                continue;
            }
            if (s.length != Location.COUNT) {
                throw new IllegalArgumentException("cell " + cell.id() + " of " + id + " has " + s.length
                        + " scores, expected " + Location.COUNT);
            }
            String mask = MaskCodec.encode(cells.mask(cell));
            for (int k = 0; k < Location.COUNT; k++) {
                if (!Double.isFinite(s[k])) {
                    throw new IllegalArgumentException("cell " + cell.id() + " of " + id + ": score of class " + k
                            + " is " + s[k]);
                }
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                SubmissionFormat.appendTriple(sb, k, s[k], mask);
            }
        }
        file.line(sb.toString());
        rows++;
    }

    /** Rows written so far. */
    public long rowCount() {
        return rows;
    }

    /** Finishes the file and moves it over the target. */
    public void commit() throws IOException {
        file.commit();
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws IOException {
        file.close();
    }
}
