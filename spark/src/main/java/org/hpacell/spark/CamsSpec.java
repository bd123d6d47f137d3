package org.hpacell.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.hpacell.cam.CamModel;
import org.hpacell.cam.TtaPlan;
import org.hpacell.predict.PipelineModels;

/**
 * What {@code hpacell-spark cams} runs on every field, as {@code hpacell cams} takes it: stage-1 runs
 * (their maps averaged) and test-time augmentation.
 *
 * @param runs           stage-1 run folders (URIs)
 * @param tta            flips x scales 1, 1.2, 1.4
 * @param intraOpThreads PyTorch intra-op threads per executor JVM
 */
public record CamsSpec(List<String> runs, boolean tta, int intraOpThreads) implements Serializable {
    public CamsSpec {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("at least one stage-1 run is needed");
        }
    }

    String key() {
        return "cams:" + this;
    }

    TtaPlan plan() {
        return tta ? TtaPlan.standard() : TtaPlan.none();
    }

    /** The loaded runs. */
    public record Loaded(List<CamModel> models, java.nio.file.Path scratch) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            for (CamModel m : models) {
                m.close();
            }
            FieldReader.delete(scratch);
        }
    }

    /** Loads every run (copied to local disk first when remote). */
    public Loaded load(Configuration conf) throws IOException {
        EngineSetup.intraOpThreads(intraOpThreads);
        java.nio.file.Path scratch = Files.createTempDirectory("hpacell-models-");
        List<CamModel> models = new ArrayList<>();
        try {
            for (int i = 0; i < runs.size(); i++) {
                models.add(CamModel.load(PredictSpec.local(runs.get(i), conf, scratch, i), PipelineModels.NETWORKS));
            }
            return new Loaded(models, scratch);
        } catch (IOException | RuntimeException e) {
            models.forEach(CamModel::close);
            throw e;
        }
    }
}
