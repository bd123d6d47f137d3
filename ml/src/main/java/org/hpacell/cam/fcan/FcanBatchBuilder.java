package org.hpacell.cam.fcan;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpacell.image.Channel;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.TrainBatch;

/**
 * The FCAN batch: the images and targets as usual, plus each field's {@link CellPuzzle} built from its
 * (augmented) cell label image. Extras: {@value #PUZZLE}, the pieces {@code (4N, 4, S, S)} tile-major
 * (row {@code t * N + i} is piece t of sample i), and {@value #OWNER}, the one-hot piece ownership
 * {@code (N, 4, S, S)}.
 */
public final class FcanBatchBuilder implements BatchBuilder {
    /** Registry name of this batch builder in training configs. */
    public static final String NAME = "cell-puzzle";
    /** Extra holding the puzzle pieces. */
    public static final String PUZZLE = "puzzle";
    /** Extra holding the pixel ownership of the pieces. */
    public static final String OWNER = "owner";

    @Override
    public TrainBatch build(List<PreparedSample> samples, NDManager manager, SplittableRandom random) {
        int n = samples.size();
        int s = samples.get(0).size();
        int plane = s * s;
        List<CellPuzzle> puzzles = new ArrayList<>(n);
        for (PreparedSample p : samples) {
            if (p.cells() == null) {
                throw new IllegalArgumentException("field " + p.id() + ": the cell puzzle needs cell masks, and the field has none");
            }
            puzzles.add(CellPuzzle.build(p.pixels(), Channel.COUNT, p.size(), p.cells(), random));
        }
        FloatBuffer pieces = FloatBuffer.allocate(CellPuzzle.PIECES * n * Channel.COUNT * plane);
        for (int t = 0; t < CellPuzzle.PIECES; t++) {
            for (CellPuzzle puzzle : puzzles) {
                pieces.put(puzzle.pieces()[t]);
            }
        }
        pieces.flip();
        float[] owner = new float[n * CellPuzzle.PIECES * plane];
        for (int i = 0; i < n; i++) {
            byte[] o = puzzles.get(i).owner();
            for (int p = 0; p < plane; p++) {
                owner[(i * CellPuzzle.PIECES + o[p]) * plane + p] = 1f;
            }
        }
        return new TrainBatch(ImagesBatchBuilder.images(samples, manager), ImagesBatchBuilder.targets(samples, manager),
                List.copyOf(samples), Map.of(
                        PUZZLE, manager.create(pieces, new Shape(CellPuzzle.PIECES * n, Channel.COUNT, s, s)),
                        OWNER, manager.create(owner, new Shape(n, CellPuzzle.PIECES, s, s))));
    }
}
