package org.hpacell.train.data;

import java.io.IOException;
import java.util.Optional;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;

/**
 * One labelled field of view, read on demand: the unit the training engine consumes. In-memory
 * synthetic fields and fields read from an HPA folder both implement it.
 */
public interface FieldSample {
    /** The field id. */
    String id();

    /** The image-level labels (train.csv). */
    LabelSet labels();

    /**
     * Reads the field's pixels. Called from loader threads; implementations must be thread-safe.
     *
     * @throws IOException naming the file and the problem if the field cannot be read
     */
    FieldImage image() throws IOException;

    /**
     * The field's cell label image, for objectives that need cells (e.g. the cell puzzle); empty when
     * the source has none.
     */
    default Optional<LabelImage> cells() throws IOException {
        return Optional.empty();
    }
}
