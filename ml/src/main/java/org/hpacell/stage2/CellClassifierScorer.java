package org.hpacell.stage2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.train.Network;
import org.hpacell.train.TrainedModel;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.data.Augmenter;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.InMemorySample;
import org.hpacell.train.data.Normalization;
import org.hpacell.train.data.PreparedSample;

/**
 * Scores every cell of a field with a trained cell classifier: crops as in training
 * ({@link CellCropper}), resized and normalised by the engine's {@link Augmenter} without augmentation,
 * run in batches, sigmoid of the logits. The crop size and normalisation must be the training run's
 * ({@code TrainState#imageSize()}, {@code mean()}, {@code std()}).
 */
public final class CellClassifierScorer {
    private final Network network;
    private final Augmenter prepare;
    private final CellCropper cropper;
    private final NDManager manager;
    private final int batchSize;

    /**
     * @param manager   parent of the per-batch managers (the network's own manager will do)
     * @param batchSize crops per forward pass
     */
    public CellClassifierScorer(Network network, Normalization normalization, int size, CellCropper cropper,
                                NDManager manager, int batchSize) {
        this.network = network;
        this.prepare = new Augmenter(AugmentConfig.none(), normalization, size);
        this.cropper = cropper;
        this.manager = manager;
        this.batchSize = Math.max(1, batchSize);
    }

    /** A scorer for a trained run (crop size and normalisation from it). */
    public CellClassifierScorer(TrainedModel trained, CellCropper cropper, int batchSize) {
        this(trained.network(), trained.normalization(), trained.imageSize(), cropper, trained.manager(), batchSize);
    }

    /** The 19 sigmoid scores of each cell of {@code field} (cells ascending by id). */
    public List<CellScores> score(FieldImage field, LabelImage cells) {
        List<CellCrop> crops = cropper.crops(field, cells);
        List<CellScores> out = new ArrayList<>(crops.size());
        for (int start = 0; start < crops.size(); start += batchSize) {
            List<CellCrop> part = crops.subList(start, Math.min(crops.size(), start + batchSize));
            List<PreparedSample> prepared = new ArrayList<>(part.size());
            for (CellCrop c : part) {
                try {
                    // AugmentConfig.none() draws nothing that changes the pixels; the generator is a formality
                    prepared.add(prepare.prepare(new InMemorySample(c.image(), LabelSet.EMPTY), new SplittableRandom(0)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            float[] p;
            try (NDManager m = manager.newSubManager()) {
                NDArray logits = network.forward(ImagesBatchBuilder.images(prepared, m), false).get(0);
                p = logits.getNDArrayInternal().sigmoid().toFloatArray();
            }
            for (int i = 0; i < part.size(); i++) {
                float[] row = new float[Location.COUNT];
                System.arraycopy(p, i * Location.COUNT, row, 0, Location.COUNT);
                out.add(new CellScores(part.get(i).cellId(), row));
            }
        }
        return out;
    }
}
