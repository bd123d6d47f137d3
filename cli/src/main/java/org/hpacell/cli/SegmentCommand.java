package org.hpacell.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.IoProblems;
import org.hpacell.nn.hpa.HpaModelNetworks;
import org.hpacell.nn.hpa.HpaModelOptions;
import org.hpacell.progress.Progress;
import org.hpacell.segment.CellSegmenter;
import org.hpacell.segment.ClassicalSegmenter;
import org.hpacell.segment.HpaPostprocess;
import org.hpacell.segment.HpaPrediction;
import org.hpacell.segment.NetworkSegmenter;
import org.hpacell.segment.SegmentJob;
import org.hpacell.train.EngineThreads;
import org.hpacell.segnet.ShippedSegmenter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hpacell segment}: either HPA-Cell-Segmentation's post-processing alone on the two networks'
 * outputs of one field, or a whole dataset segmented by a {@link CellSegmenter}.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Segment cells and nuclei.",
                "With --nuclei-pred/--cell-pred: run HPA-Cell-Segmentation 0.1.8's post-processing on the networks' "
                        + "RGB 8-bit outputs (G = touching border, B = foreground) and write 16-bit label images "
                        + "OUT/cells.png and OUT/nuclei.png (label_cell; nuclei carry their cell's id) and "
                        + "OUT/nuclei_only.png (label_nuclei).",
                "With --data: segment every field of a dataset (Kaggle/HPA layout) into OUT/cells/ID.png and "
                        + "OUT/nuclei/ID.png, in parallel; fields that fail are skipped and listed at the end "
                        + "(exit code 1)."})
public final class SegmentCommand implements Callable<Integer>, UsesEngine {
    /** The segmenters available for whole datasets. */
    enum Method {
        /** {@link ClassicalSegmenter}: thresholds and nucleus-seeded watersheds, no weights. */
        classical,
        /** hpacell's U-Nets (--model RUN, or the shipped pair) + HPA's post-processing scaled to the field. */
        unet,
        /** HPA-Cell-Segmentation's own networks as TorchScript ({@link HpaModelNetworks}) + label_cell. */
        hpa
    }

    static final class Inputs {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Predictions predictions;

        @Option(names = {"--data", "--images"}, required = true, paramLabel = "DIR",
                description = "Dataset folder (ID_red.png, ID_green.png, ID_blue.png, ID_yellow.png); --images is "
                        + "its old name.")
        Path images;
    }

    static final class Predictions {
        @Option(names = "--nuclei-pred", required = true, paramLabel = "PNG", description = "Nucleus network output.")
        Path nuclei;

        @Option(names = "--cell-pred", required = true, paramLabel = "PNG", description = "Cell network output.")
        Path cells;
    }

    @Mixin
    CommonOptions common;

    @Mixin
    ChannelOptions channels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--scale-quarter",
            description = "Post-process at 1/4 scale with areas 63/32/157/344 (the fast Kaggle variant), "
                    + "labels scaled back up by nearest neighbour.")
    boolean quarter;

    @Option(names = {"--segmenter", "--method"}, paramLabel = "NAME", defaultValue = "classical",
            description = "Segmenter for --data: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; --method is "
                    + "its old name).")
    Method method;

    @Option(names = "--nuclei-model", paramLabel = "PT",
            description = "--segmenter hpa: HPA's nucleus network converted to TorchScript (docs/hpa-models.md), or a "
                    + "bioimage.io model package of it (folder or zip with rdf.yaml and TorchScript weights).")
    Path nucleiModel;

    @Option(names = "--cell-model", paramLabel = "PT",
            description = "--segmenter hpa: HPA's 3-channel cell network converted to TorchScript, or a bioimage.io "
                    + "model package of it.")
    Path cellModel;

    @Option(names = "--hpa-padding",
            description = "--segmenter hpa: reflect-pad the 1/4-scale input to a multiple of 32 (HPA's padding=True; "
                    + "needed when the field's side / 4 is not a multiple of 32, e.g. 1728 px).")
    boolean hpaPadding;

    @Option(names = "--model", paramLabel = "RUN",
            description = "--segmenter unet: a model folder from 'hpacell train-segmenter' (default: the shipped one).")
    Path model;

    /** Only the unet and hpa segmenters of a dataset run networks. */
    @Override
    public boolean usesEngine() {
        return inputs.predictions == null && method != Method.classical;
    }

    @Override
    public Integer call() throws Exception {
        return inputs.predictions != null ? postprocess(inputs.predictions) : dataset(inputs.images);
    }

    private int postprocess(Predictions p) throws Exception {
        HpaPrediction nuclei = HpaPrediction.of(ImageFiles.readRgb(p.nuclei));
        HpaPrediction cells = HpaPrediction.of(ImageFiles.readRgb(p.cells));
        if (nuclei.width() != cells.width() || nuclei.height() != cells.height()) {
            throw new IllegalArgumentException(p.cells + " is " + cells.width() + "x" + cells.height() + " but "
                    + p.nuclei + " is " + nuclei.width() + "x" + nuclei.height());
        }
        HpaPostprocess post = quarter ? HpaPostprocess.quarter() : HpaPostprocess.full();
        HpaPostprocess.Result r = post.run(nuclei, cells, common.threads() > 1);
        ImageFiles.writeLabels(out.resolve("cells.png"), r.cellsAndNuclei().cells());
        ImageFiles.writeLabels(out.resolve("nuclei.png"), r.cellsAndNuclei().nuclei());
        ImageFiles.writeLabels(out.resolve("nuclei_only.png"), r.nucleiOnly());
        if (!common.quiet()) {
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%s: %d cells, %d nuclei in cells, %d nuclei (label_nuclei)%n", out,
                    r.cellsAndNuclei().cells().objects().size(), r.cellsAndNuclei().nuclei().objects().size(),
                    r.nucleiOnly().objects().size());
            w.flush();
        }
        return ExitCodes.OK;
    }

    private int dataset(Path images) throws Exception {
        if (quarter && method == Method.classical) {
            throw new IllegalArgumentException("--scale-quarter applies to --nuclei-pred/--cell-pred and --segmenter unet|hpa");
        }
        if (model != null && method != Method.unet) {
            throw new IllegalArgumentException("--model needs --segmenter unet");
        }
        if ((nucleiModel != null || cellModel != null || hpaPadding) && method != Method.hpa) {
            throw new IllegalArgumentException("--nuclei-model, --cell-model and --hpa-padding need --segmenter hpa");
        }
        if (method == Method.hpa && (nucleiModel == null || cellModel == null)) {
            throw new IllegalArgumentException("--segmenter hpa needs --nuclei-model and --cell-model (TorchScript files, "
                    + "see docs/hpa-models.md)");
        }
        HpaDataset ds = HpaDataset.open(images, HpaDataset.LabelPolicy.OPTIONAL, channels.order());
        IoProblems.checkWritableFolder(out);
        CellSegmenter segmenter = switch (method) {
            case classical -> new ClassicalSegmenter();
            case unet -> ShippedSegmenter.segmenter(model, quarter);
            case hpa -> hpaSegmenter();
        };
        SegmentJob.Result result;
        try (Progress progress = common.progress().start("segment", ds.size())) {
            result = SegmentJob.run(segmenter, ds, ds.ids(), out, common.threads(), progress);
        } finally {
            if (segmenter instanceof AutoCloseable c) {
                c.close();
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s: %d field(s) segmented (%s)%n", out, result.written(), method);
        for (FieldFailure f : result.failures()) {
            w.println("  failed: " + f);
        }
        w.flush();
        return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private CellSegmenter hpaSegmenter() throws java.io.IOException {
        EngineThreads.set(Math.max(1, Runtime.getRuntime().availableProcessors() / common.threads()));
        return new NetworkSegmenter(HpaModelNetworks.open(nucleiModel, cellModel, HpaModelOptions.withPadding(hpaPadding)),
                quarter ? HpaPostprocess.quarter() : HpaPostprocess.full());
    }
}
