package org.hpacell.predict;

import java.io.IOException;
import java.util.List;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;

/** The per-field steps of the prediction pipeline, each a small interface so any model or source plugs in. */
public final class FieldModels {
    private FieldModels() {
    }

    /** The cells of a field: a segmenter, or label images segmented before. Thread-safe. */
    @FunctionalInterface
    public interface CellSource {
        /** @throws IOException naming the file if the cells cannot be had */
        LabelImage cells(FieldImage field) throws IOException;
    }

    /** Stage 1: the field's 19 image-level probabilities. Thread-safe. */
    @FunctionalInterface
    public interface ImageModel {
        float[] probabilities(FieldImage field) throws IOException;
    }

    /** Stage 2: 19 scores per cell (ascending cell id), e.g. a cell classifier or a segmenter. Thread-safe. */
    @FunctionalInterface
    public interface CellModel {
        List<CellScores> score(FieldImage field, LabelImage cells) throws IOException;
    }
}
