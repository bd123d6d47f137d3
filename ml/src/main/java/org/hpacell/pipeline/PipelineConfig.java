package org.hpacell.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.ChannelNames;
import org.hpacell.train.config.TrainConfig;

/**
 * Everything {@link Pipeline} needs to know, as a JSON file a user can edit: the segmenter, the stage-1
 * training run (its objective picks CAM, Puzzle-CAM or FCAN), the pseudo-label threshold, the
 * second-stage cell classifier and how cell and image scores combine. Unknown keys are an error, so a
 * misspelt option never silently falls back to a default.
 */
public final class PipelineConfig {
    /**
     * {@code classical} (no weights), {@code unet} (hpacell's segmentation U-Nets), {@code truth} (a
     * synthetic atlas's own masks, for ablations) or {@code hpa} (HPA-Cell-Segmentation's networks, named
     * in {@link #hpa}).
     */
    public String segmenter = "classical";
    /** With {@code unet}: a model folder from {@code hpacell train-segmenter}; null = the shipped model. */
    public String segmenterModel;
    /** The TorchScript files of segmenter {@code hpa}; absent otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public HpaModelsConfig hpa;
    /** Stage 1: the image-level classifier whose CAMs make the pseudo labels. */
    public TrainConfig stage1 = defaultStage1();
    /** Which stage-2 method the pipeline runs ({@link Stage2Config}). */
    public Stage2Config stage2 = new Stage2Config();
    /** Stage 2: the classifier of cell crops trained on five-level pseudo labels. */
    public TrainConfig cellModel = defaultCellModel();
    /** CAM threshold of the pixel pseudo labels (the seed solution's 0.225). */
    public float pixelThreshold = 0.225f;
    /**
     * Test-time augmentation (flips, scales 1.2 and 1.4) for the stage-1 maps: on by default, since it was
     * the one CAM variant that clearly beat the broadcast baseline in the methods table (docs/BENCHMARKS.md).
     */
    public boolean tta = true;
    /**
     * Whether to train the oracle when the training folder has per-cell truth ({@code truth.csv}, as a
     * synthetic atlas writes): the same cell classifier on the true labels, a reference for the evaluation.
     */
    public boolean oracle = true;
    /** Fixed pixel padding around a cell's box in its crop (added to {@link #cropPaddingFraction}'s). */
    public int cropPadding = 0;
    /**
     * Padding around a cell's box as a fraction of its longer side, so the crop's geometry follows the cell
     * size rather than the field's resolution.
     */
    public double cropPaddingFraction = 0.15;
    /**
     * Whether each cell crop's channels are rescaled by the cell's own intensity (its 99th percentile
     * becomes full scale), so the cell model sees the pattern whatever the expression level.
     */
    public boolean cropPerCellIntensity = true;
    /**
     * Which plane of a multi-channel TIFF field is which channel, as {@code --channels} takes it
     * ({@link ChannelNames#parseOrder}); absent = from each file's OME-XML names, else red, green, blue, yellow.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String channels;
    /** Worker threads of the per-field jobs. */
    public int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    /**
     * The defaults: plain CAM training of the small network at 128 px (focal loss, per-image brightness),
     * and the cellwise cell classifier on 128 px crops.
     */
    public static PipelineConfig defaults() {
        return new PipelineConfig();
    }

    private static TrainConfig defaultStage1() {
        TrainConfig c = new TrainConfig();
        c.model = "small";
        c.imageSize = 128;
        c.epochs = 8;
        c.batchSize = 8;
        c.loaderThreads = 1;
        // each field at a common brightness: stage 1's validation macro AP 0.20 -> 0.28 on a 300-field atlas
        // (docs/BENCHMARKS.md, "Cell-level accuracy")
        c.normalization.imageQuantile = 0.999;
        return c;
    }

    private static TrainConfig defaultCellModel() {
        TrainConfig c = new TrainConfig();
        c.model = "small";
        // 128 px crops of the cell (padding relative to the cell, intensity per cell), binary cross-entropy at
        // 2e-3 in batches of 16, no random crops (a crop could cut the pattern away): the cheapest setting
        // measured that learns (docs/BENCHMARKS.md, "Cell-level accuracy")
        c.imageSize = 128;
        c.epochs = 20;
        c.batchSize = 16;
        c.loaderThreads = 1;
        c.loss.name = "bce";
        c.optimizer.learningRate = 0.002;
        c.augment.cropProbability = 0;
        return c;
    }

    static ObjectMapper json() {
        // Mergeable by default: a section a config file names only in part ({"cellModel": {"epochs": 30}})
        // keeps the pipeline's defaults for every key it does not name, at every depth.
        ObjectMapper m = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.setDefaultMergeable(true);
        return m;
    }

    /**
     * Reads a config file; keys it does not name keep their defaults.
     *
     * @throws IOException naming the file and the problem
     */
    public static PipelineConfig read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return json().readerForUpdating(defaults()).readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a valid pipeline config: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the resolved config atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> out.write(json().writeValueAsBytes(this)));
    }

    /** @throws IllegalArgumentException if a value is out of range */
    public PipelineConfig validate() {
        if (!java.util.Set.of("classical", "unet", "truth", "hpa").contains(segmenter)) {
            throw new IllegalArgumentException("segmenter must be 'classical', 'unet', 'truth' or 'hpa', got '" + segmenter + "'");
        }
        if (segmenter.equals("hpa")) {
            if (hpa == null) {
                throw new IllegalArgumentException("segmenter 'hpa' needs an \"hpa\" block with nucleiModel and cellModel");
            }
            hpa.validate();
        }
        if (!(pixelThreshold > 0 && pixelThreshold < 1)) {
            throw new IllegalArgumentException("pixelThreshold must be in (0, 1), got " + pixelThreshold);
        }
        if (cropPadding < 0) {
            throw new IllegalArgumentException("cropPadding must be >= 0, got " + cropPadding);
        }
        if (!(cropPaddingFraction >= 0 && cropPaddingFraction <= 2)) {
            throw new IllegalArgumentException("cropPaddingFraction must be in [0, 2], got " + cropPaddingFraction);
        }
        stage2.validate();
        stage1.validate();
        cellModel.validate();
        return this;
    }

    /** The plane of each channel of multi-channel TIFF fields, or {@code null} to take it from each file. */
    public int[] channelOrder() {
        return channels == null ? null : ChannelNames.parseOrder(channels);
    }
}
