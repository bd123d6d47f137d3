package org.hpacell.stage2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.Resampling;
import org.hpacell.cam.cell.CellPooling;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.data.Augmenter;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.InMemorySample;
import org.hpacell.train.Network;
import org.hpacell.train.TrainedModel;
import org.hpacell.predict.CombinationRule;

/**
 * Runs a trained semantic segmenter ({@link SegmenterClassifier}) on whole fields: the field resized to
 * the training size and normalised, the per-class sigmoid maps resized back to the field
 * (bilinear, {@link Resampling}), and per cell the mean of each class's map inside the cell's mask
 * (the seed solution's cell score; {@link CellScorer} with mean pooling, map alone). Combining with
 * image-level probabilities is the caller's ({@link org.hpacell.predict.CombinationRule}).
 */
public final class SegmenterScorer {
    private final Network network;
    private final Augmenter prepare;
    private final NDManager manager;
    private final CellScorer cells = new CellScorer(CellPooling.mean(), new CombinationRule.CellOnly());

    public SegmenterScorer(TrainedModel trained) {
        this.network = trained.network();
        this.prepare = new Augmenter(AugmentConfig.none(), trained.normalization(), trained.imageSize());
        this.manager = trained.manager();
    }

    /**
     * The field's sigmoid maps at its own size, with the sigmoid of the mean logits as the image-level
     * probabilities.
     */
    public CamMaps maps(FieldImage field) throws IOException {
        var sample = prepare.prepare(new InMemorySample(field, LabelSet.EMPTY), new SplittableRandom(0));
        try (NDManager m = manager.newSubManager()) {
            NDList out = network.forward(ImagesBatchBuilder.images(List.of(sample), m), false);
            NDArray maps = Resampling.bilinear(out.get(1).getNDArrayInternal().sigmoid(), field.height(), field.width());
            float[] probabilities = out.get(0).getNDArrayInternal().sigmoid().toFloatArray();
            return new CamMaps(field.id(), field.width(), field.height(), maps.toFloatArray(), probabilities);
        }
    }

    /** Per cell (ascending id) the mean of each class's sigmoid map inside the cell. */
    public List<CellScores> score(FieldImage field, LabelImage cellImage) throws IOException {
        return cells.score(maps(field), cellImage);
    }
}
