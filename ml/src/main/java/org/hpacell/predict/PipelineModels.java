package org.hpacell.predict;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.cam.CamExtractor;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamModel;
import org.hpacell.cam.TtaPlan;
import org.hpacell.cam.cell.CellPooling;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.image.FieldImage;
import org.hpacell.stage2.CellClassifierScorer;
import org.hpacell.stage2.CellCropper;
import org.hpacell.stage2.SegmenterClassifier;
import org.hpacell.stage2.SegmenterScorer;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.TrainedModel;

/**
 * Loads training runs as the pipeline's {@link FieldModels} and owns their native memory until closed.
 * Each model serialises its own calls (one forward pass at a time per model); reading, segmentation,
 * pooling and encoding of other fields go on in parallel.
 */
public final class PipelineModels implements AutoCloseable {
    /** The network registry plus {@code unet-ENCODER} segmenters. */
    public static final ClassifierFactory NETWORKS = SegmenterClassifier.factory(ClassifierFactory.REGISTRY);

    private final List<AutoCloseable> loaded = new ArrayList<>();

    /** A stage-1 image classifier run: image probabilities (mean over the TTA passes when {@code tta}). */
    public FieldModels.ImageModel imageModel(Path run, boolean tta) throws IOException {
        CamSource cams = cams(run, tta);
        return field -> cams.maps(field).probabilities();
    }

    /**
     * A stage-1 run's class activation maps as a cell model: the mean map value inside each cell, before
     * any combination with the image probability (the CAM member of the pipeline's default ensemble).
     */
    public FieldModels.CellModel camScores(Path run, boolean tta) throws IOException {
        CamSource cams = cams(run, tta);
        CellScorer scorer = new CellScorer(CellPooling.mean(), new CombinationRule.CellOnly());
        return (field, cells) -> scorer.score(cams.maps(field), cells);
    }

    /** A field's stage-1 maps and probabilities. Thread-safe. */
    @FunctionalInterface
    private interface CamSource {
        CamMaps maps(FieldImage field) throws IOException;
    }

    private CamSource cams(Path run, boolean tta) throws IOException {
        CamModel model = keep(CamModel.load(run, NETWORKS));
        CamExtractor extractor = new CamExtractor(model.classifier(), tta ? TtaPlan.standard() : TtaPlan.none());
        return field -> {
            synchronized (model) {
                try (NDManager m = NDManager.newBaseManager()) {
                    return extractor.extract(field.id(), model.input(field, m), field.width(), field.height());
                }
            }
        };
    }

    /**
     * A stage-2 cell classifier run (five-level, cellwise baseline or oracle): sigmoid per crop, cut as the
     * run records ({@link CellCropper#GEOMETRY_FILE}), else by {@code cropper}.
     */
    public FieldModels.CellModel cellClassifier(Path run, CellCropper cropper) throws IOException {
        TrainedModel model = keep(TrainedModel.load(run, NETWORKS));
        // the geometry the run was trained on wins; {@code cropper} serves runs that did not record one
        CellClassifierScorer scorer = new CellClassifierScorer(model, CellCropper.of(run, cropper), 64);
        return (field, cells) -> {
            synchronized (model) {
                return scorer.score(field, cells);
            }
        };
    }

    /** A semantic segmenter run ({@code unet-ENCODER}): mean sigmoid map inside each cell. */
    public FieldModels.CellModel segmenter(Path run) throws IOException {
        TrainedModel model = keep(TrainedModel.load(run, NETWORKS));
        SegmenterScorer scorer = new SegmenterScorer(model);
        return (field, cells) -> {
            synchronized (model) {
                return scorer.score(field, cells);
            }
        };
    }

    private <T extends AutoCloseable> T keep(T model) {
        loaded.add(model);
        return model;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : loaded) {
            c.close();
        }
        loaded.clear();
    }
}
