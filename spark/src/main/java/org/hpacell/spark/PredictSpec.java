package org.hpacell.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.hpacell.predict.CombinationRule;
import org.hpacell.predict.FieldModels;
import org.hpacell.predict.PipelineModels;
import org.hpacell.predict.PredictionPipeline;
import org.hpacell.stage2.CellCropper;

/**
 * What {@code hpacell-spark predict} runs on every field, as {@code hpacell predict} takes it: the
 * stage-1 runs, the stage-2 cell classifier and segmenter runs, the combination rule, the crop padding
 * and test-time augmentation, and where cells come from. Shipped to executors, which load it through
 * {@link #load}.
 *
 * @param stage1         stage-1 run folders (URIs), averaged
 * @param cellModels     stage-2 cell classifier runs (URIs)
 * @param segmenters     stage-2 semantic segmenter runs (URIs)
 * @param rule           the {@link CombinationRule} spelling ({@code product}, {@code blend:W}, ...)
 * @param padding        crop padding of the cell classifiers
 * @param tta            stage-1 test-time augmentation
 * @param cells          folder of cell label images (URI), or {@code null} to segment with the classical segmenter
 * @param intraOpThreads PyTorch intra-op threads per executor JVM
 */
public record PredictSpec(List<String> stage1, List<String> cellModels, List<String> segmenters, String rule,
                          int padding, boolean tta, String cells, int intraOpThreads) implements Serializable {
    public PredictSpec {
        stage1 = List.copyOf(stage1);
        cellModels = List.copyOf(cellModels);
        segmenters = List.copyOf(segmenters);
        if (stage1.isEmpty()) {
            throw new IllegalArgumentException("at least one stage-1 run is needed");
        }
        CombinationRule.parse(rule); // fails early, on the driver, with the parser's message
    }

    /** The key of the loaded models in an executor's {@link ModelPool}. */
    String key() {
        return "predict:" + this;
    }

    /** The models, loaded from local copies of the runs, and the pipeline that applies them to one field. */
    public record Loaded(PipelineModels models, PredictionPipeline pipeline, java.nio.file.Path scratch)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            models.close();
            FieldReader.delete(scratch);
        }
    }

    /** Loads every run (copied to local disk first when remote). */
    public Loaded load(Configuration conf) throws IOException {
        EngineSetup.intraOpThreads(intraOpThreads);
        java.nio.file.Path scratch = Files.createTempDirectory("hpacell-models-");
        PipelineModels models = new PipelineModels();
        try {
            int n = 0;
            List<FieldModels.ImageModel> images = new ArrayList<>();
            for (String run : stage1) {
                images.add(models.imageModel(local(run, conf, scratch, n++), tta));
            }
            List<FieldModels.CellModel> stage2 = new ArrayList<>();
            for (String run : cellModels) {
                stage2.add(models.cellClassifier(local(run, conf, scratch, n++), new CellCropper(padding)));
            }
            for (String run : segmenters) {
                stage2.add(models.segmenter(local(run, conf, scratch, n++)));
            }
            FieldModels.CellSource source = cells == null ? CellSources.classical()
                    : CellSources.folder(new Path(cells), conf);
            PredictionPipeline pipeline = new PredictionPipeline(source, images, stage2, CombinationRule.parse(rule), 1);
            return new Loaded(models, pipeline, scratch);
        } catch (IOException | RuntimeException e) {
            try {
                models.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Run {@code run} on local disk: itself, or a copy in its own folder under {@code scratch}. */
    static java.nio.file.Path local(String run, Configuration conf, java.nio.file.Path scratch, int n)
            throws IOException {
        return DataFiles.fetch(new Path(run), conf, scratch.resolve(Integer.toString(n)));
    }
}
