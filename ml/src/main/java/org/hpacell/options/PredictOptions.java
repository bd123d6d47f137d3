package org.hpacell.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hpacell.identity.StageIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The models and cells of a prediction, as {@code hpacell predict} and {@code hpacell-spark predict} take
 * them ({@code @Mixin PredictOptions models;}): stage-1 runs, stage-2 runs, a pipeline output folder for
 * both, where the cells come from, the combination rule, the crop padding and test-time augmentation.
 */
public final class PredictOptions {
    /** The only segmenter a prediction can run on its own (no weights needed). */
    public static final String CLASSICAL = "classical";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--pipeline", arity = "1..*", paramLabel = "DIR",
            description = "Pipeline output folders (hpacell pipeline's --out, hpacell demo's OUT/pipeline): "
                    + "DIR/stage1 is a stage-1 run and DIR/stage2 a cell classifier run.")
    List<String> pipelines = new ArrayList<>();

    @Option(names = "--stage1", arity = "1..*", paramLabel = "RUN",
            description = "Stage-1 image classifier runs (an ensemble when several).")
    List<String> stage1 = new ArrayList<>();

    @Option(names = "--cell-model", arity = "1..*", paramLabel = "RUN",
            description = "Stage-2 cell classifier runs (five-level, cellwise or oracle).")
    List<String> cellModels = new ArrayList<>();

    @Option(names = "--semseg", arity = "1..*", paramLabel = "RUN",
            description = "Stage-2 semantic segmentation runs (unet-ENCODER).")
    List<String> semsegs = new ArrayList<>();

    @Option(names = "--cells", paramLabel = "DIR",
            description = "Cell label images of the fields (ID_cellmask.png, ID_cells.png or ID.png); without it "
                    + "the fields are segmented by --segmenter.")
    String cells;

    @Option(names = "--segmenter", paramLabel = "NAME", defaultValue = CLASSICAL,
            description = "Segmenter used when --cells is absent: classical (threshold + nucleus-seeded watershed; "
                    + "default: ${DEFAULT-VALUE}).")
    String segmenter;

    @Option(names = "--rule", paramLabel = "R", defaultValue = "product",
            description = "Combination of image probability p and cell score c: product, blend:W (W p + (1-W) c), "
                    + "cell or image (default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--padding", paramLabel = "PX", defaultValue = "20",
            description = "Padding of the cell crops (must match training; default: ${DEFAULT-VALUE}).")
    int padding;

    @Option(names = "--tta", description = "Stage-1 test-time augmentation (h/v flips x scales 1, 1.2, 1.4).")
    boolean tta;

    /**
     * Adds pipeline folders given under another, older option name (they count as {@code --pipeline}).
     */
    public void addPipelines(List<String> dirs) {
        pipelines.addAll(dirs);
    }

    /**
     * The stage-1 runs: each pipeline folder's {@code stage1}, then {@code --stage1}.
     *
     * @throws CommandLine.ParameterException (a usage error) if there is none
     */
    public List<String> stage1Runs() {
        List<String> out = inPipelines("stage1");
        out.addAll(stage1);
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "no stage-1 model: give --stage1 RUN or --pipeline DIR");
        }
        return out;
    }

    /** The stage-2 cell classifier runs: each pipeline folder's {@code stage2}, then {@code --cell-model}. */
    public List<String> cellModelRuns() {
        List<String> out = inPipelines("stage2");
        out.addAll(cellModels);
        return out;
    }

    /** The stage-2 semantic segmentation runs. */
    public List<String> semsegRuns() {
        return List.copyOf(semsegs);
    }

    /** The folder of cell label images, if given. */
    public Optional<String> cells() {
        return Optional.ofNullable(cells);
    }

    /**
     * The segmenter used when there is no cell folder.
     *
     * @throws IllegalArgumentException naming the value if it is not a known segmenter
     */
    public String segmenter() {
        if (!segmenter.equals(CLASSICAL)) {
            throw new IllegalArgumentException("unknown segmenter '" + segmenter + "' (known: " + CLASSICAL + ")");
        }
        return segmenter;
    }

    /** The combination rule as written (parsed by {@code CombinationRule.parse}). */
    public String rule() {
        return rule;
    }

    /** Padding of the cell crops, in pixels. */
    public int padding() {
        return padding;
    }

    /** Whether stage 1 uses test-time augmentation. */
    public boolean tta() {
        return tta;
    }

    /**
     * The fingerprint of everything but the fields that makes a prediction: hpacell's version, every
     * model run folder (its listing), the cell folder, and the options.
     *
     * @param extra options of the command itself that change its predictions (e.g. {@code cam=true})
     * @throws org.hpacell.io.BadInputException naming a run or cell folder that is missing
     */
    public String fingerprint(String extra) throws java.io.IOException {
        StageIdentity id = StageIdentity.ofVersion().with("options", "rule=" + rule + " padding=" + padding
                + " tta=" + tta + " segmenter=" + segmenter + " " + extra);
        List<List<String>> runs = List.of(stage1Runs(), cellModelRuns(), semsegRuns());
        List<String> kinds = List.of("stage1", "cell-model", "semseg");
        for (int k = 0; k < runs.size(); k++) {
            for (int i = 0; i < runs.get(k).size(); i++) {
                id = id.withFolder(kinds.get(k) + " " + i, java.nio.file.Path.of(runs.get(k).get(i)));
            }
        }
        if (cells != null) {
            id = id.withFolder("cells", java.nio.file.Path.of(cells));
        }
        return id.fingerprint();
    }

    /** {@code DIR/sub} of every pipeline folder, joined as text so it holds for paths and URIs alike. */
    private List<String> inPipelines(String sub) {
        List<String> out = new ArrayList<>();
        for (String dir : pipelines) {
            out.add(dir.replaceAll("/+$", "") + "/" + sub);
        }
        return out;
    }
}
