package org.hpacell.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.hpacell.io.ImageFiles;
import org.hpacell.nn.hpa.HpaModelNetworks;
import org.hpacell.nn.hpa.HpaModelOptions;
import org.hpacell.segment.CellSegmenter;
import org.hpacell.segment.ClassicalSegmenter;
import org.hpacell.segment.HpaPostprocess;
import org.hpacell.segment.NetworkSegmenter;
import org.hpacell.segment.Segmentation;
import org.hpacell.segnet.ShippedSegmenter;
import org.hpacell.synth.SynthDataset;

/** The segmenters a pipeline config can name. */
final class FieldCells {
    private FieldCells() {
    }

    /**
     * {@code classical}: the classical segmenter (threshold + nucleus-seeded watershed, no weights);
     * {@code truth}: the cell and nucleus label images a synthetic atlas stores in {@code dataDir/truth/}
     * (for ablations that separate segmentation errors from classification errors);
     * {@code unet}: hpacell's segmentation U-Nets ({@code segmenterModel}, or the shipped pair when it is
     * null) with HPA's post-processing scaled to the field; {@code hpa}: HPA-Cell-Segmentation's networks
     * named in the config's {@code hpa} block, then {@code label_cell}. Segmenters holding networks are
     * {@link AutoCloseable}: close them after use.
     */
    static CellSegmenter of(PipelineConfig config, Path dataDir) throws IOException {
        return switch (config.segmenter) {
            case "classical" -> new ClassicalSegmenter();
            case "hpa" -> new NetworkSegmenter(HpaModelNetworks.open(Path.of(config.hpa.nucleiModel),
                    Path.of(config.hpa.cellModel), HpaModelOptions.withPadding(config.hpa.padding)),
                    config.hpa.quarterScale ? HpaPostprocess.quarter() : HpaPostprocess.full());
            case "unet" -> ShippedSegmenter.segmenter(
                    config.segmenterModel == null ? null : Path.of(config.segmenterModel), false);
            case "truth" -> field -> {
                try {
                    return new Segmentation(ImageFiles.readLabels(SynthDataset.cellsPath(dataDir, field.id())),
                            ImageFiles.readLabels(SynthDataset.nucleiPath(dataDir, field.id())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            };
            default -> throw new IllegalArgumentException("unknown segmenter '" + config.segmenter
                    + "' (known: classical, unet, truth, hpa)");
        };
    }
}
