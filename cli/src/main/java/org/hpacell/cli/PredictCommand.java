package org.hpacell.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hpacell.geojson.GeoJsonExport;
import org.hpacell.identity.OutputLock;
import org.hpacell.io.BadInputException;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.HpaDataset;
import org.hpacell.options.PredictOptions;
import org.hpacell.predict.CellImageFolder;
import org.hpacell.predict.CombinationRule;
import org.hpacell.predict.FieldModels;
import org.hpacell.predict.PipelineModels;
import org.hpacell.predict.PredictionPipeline;
import org.hpacell.progress.Progress;
import org.hpacell.segment.ClassicalSegmenter;
import org.hpacell.stage2.CellCropper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell predict}: cells -> stage 1 -> stage 2 -> Kaggle submission, resumable. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict every cell of every field of a dataset: cells (--cells or --segmenter), stage-1 image "
                + "probabilities (mean of the --stage1 runs), stage-2 cell scores (mean of the --cell-model and "
                + "--semseg runs and, with --cam, the stage-1 maps; --pipeline DIR gives DIR/stage1 and DIR/stage2), "
                + "combined by --rule, written as a "
                + "Kaggle submission with all 19 classes for every cell.",
                "Resumable: finished fields are kept in OUT.parts/ and skipped by the next run with the same models, "
                        + "options and field files (parts of other models are removed); the submission is written, "
                        + "in field-ID order, once every field is done. A second run into the same OUT is refused.",
                "Exit code 1 (partial) if a field failed: a field with bad files is left out of the submission; "
                        + "any other failure holds the submission back until a rerun retries the field."})
public final class PredictCommand implements Callable<Integer>, UsesEngine {
    @Mixin
    CommonOptions common;

    @Mixin
    ChannelOptions channels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset folder (Kaggle/HPA layout).")
    Path data;

    @Mixin
    PredictOptions models;

    @Option(names = "--cam", description = "Add the stage-1 runs' class activation maps (mean in the cell) as a "
            + "stage-2 member; with --cell-model (or --pipeline) this is the pipeline's submission.")
    boolean cam;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The submission CSV.")
    Path out;

    private FieldModels.CellSource cellSource() {
        if (models.cells().isPresent()) {
            return new CellImageFolder(Path.of(models.cells().get()));
        }
        models.segmenter();
        ClassicalSegmenter classical = new ClassicalSegmenter();
        return field -> classical.segment(field).cells();
    }

    @Override
    public Integer call() throws Exception {
        List<String> stage1 = models.stage1Runs();
        CombinationRule combination = CombinationRule.parse(models.rule());
        if (Files.isDirectory(out)) {
            throw new BadInputException(out, "is a folder; --out names the submission CSV to write");
        }
        HpaDataset dataset = HpaDataset.open(data, HpaDataset.LabelPolicy.OPTIONAL, channels.order()).requireFields();
        PredictionPipeline.Result r;
        try (OutputLock lock = OutputLock.file(out); PipelineModels loaded = new PipelineModels()) {
            String made = models.fingerprint("cam=" + cam);
            List<FieldModels.ImageModel> images = new ArrayList<>();
            for (String run : stage1) {
                images.add(loaded.imageModel(Path.of(run), models.tta()));
            }
            List<FieldModels.CellModel> stage2 = new ArrayList<>();
            for (String run : models.cellModelRuns()) {
                stage2.add(loaded.cellClassifier(Path.of(run), new CellCropper(models.padding())));
            }
            for (String run : models.semsegRuns()) {
                stage2.add(loaded.segmenter(Path.of(run)));
            }
            if (cam) {
                for (String run : stage1) {
                    stage2.add(loaded.camScores(Path.of(run), models.tta()));
                }
            }
            PredictionPipeline pipeline = new PredictionPipeline(cellSource(), images, stage2, combination,
                    common.threads());
            try (Progress p = common.progress().start("predict", dataset.size())) {
                r = pipeline.run(dataset, out, made, p);
            }
        }
        Path geoJson = GeoJsonExport.besideSubmission(out);
        if (r.complete()) {
            GeoJsonExport.export(out, geoJson, 0);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%d field(s) predicted, %d resumed, %d failed%s%n", r.predicted(), r.resumed(), r.failures().size(),
                !r.complete() ? "; submission not written (rerun to retry the failed fields)"
                        : (r.failures().isEmpty() ? "; wrote " + out : "; wrote " + out + " without the failed fields")
                        + " and its cells as GeoJSON in " + geoJson);
        for (FieldFailure f : r.failures()) {
            w.println("  failed " + f);
        }
        w.flush();
        return r.complete() && r.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
