package org.hpacell.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFormat;
import org.hpacell.progress.Progress;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.synth.Difficulty;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.SynthSamples;
import org.hpacell.train.data.HpaSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from an HPA folder on disk, loading the run, and batched prediction with and without TTA. */
class ImagePredictorTest {
    @TempDir
    Path tmp;

    private static Map<String, float[]> predict(TrainedModel m, List<FieldSample> samples, int batch, boolean tta)
            throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        List<String> failed = new ImagePredictor(m, batch, 2, tta).predict(samples, out::put, Progress.NONE);
        assertTrue(failed.isEmpty(), failed.toString());
        return out;
    }

    @Test
    void trainsFromDiskAndPredictsInBatches() throws IOException {
        Path data = tmp.resolve("data");
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            for (FieldSample s : SynthSamples.generate(Difficulty.EASY.params(2, 14, 64, 8))) {
                w.write(s.image(), s.labels());
            }
        }
        // one unreadable field: the run goes on and reports it
        Files.write(data.resolve("synth-000003_green.png"), new byte[] {1, 2, 3});
        List<FieldSample> samples = HpaSamples.of(HpaDataset.open(data, HpaDataset.LabelPolicy.REQUIRED));
        assertEquals(14, samples.size());
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        TrainingLoop.Result r = TrainingLoop.fromConfig(ConfigFiles.parse("""
                {"model": "small", "epochs": 1, "batchSize": 4, "imageSize": 48, "validationFraction": 0.3,
                 "engineThreads": 1}"""), run, ClassifierFactory.REGISTRY, Progress.Factory.NONE).run(samples, false);
        assertEquals(1, r.badFields().size());
        assertTrue(r.badFields().get(0).startsWith("synth-000003"), r.badFields().toString());
        assertTrue(Files.readString(run.badFields()).contains("synth-000003_green.png"));

        List<FieldSample> good = new ArrayList<>(samples);
        good.removeIf(s -> s.id().equals("synth-000003"));
        try (TrainedModel m = TrainedModel.load(run.root(), ClassifierFactory.REGISTRY)) {
            Map<String, float[]> one = predict(m, good, 1, false);
            Map<String, float[]> five = predict(m, good, 5, false);
            assertEquals(good.stream().map(FieldSample::id).toList(), new ArrayList<>(one.keySet()));
            for (String id : one.keySet()) {
                assertArrayEquals(one.get(id), five.get(id), 1e-5f, id);
                for (float p : one.get(id)) {
                    assertTrue(p > 0 && p < 1);
                }
            }
            Map<String, float[]> tta = predict(m, good, 3, true);
            assertFalse(Arrays.equals(one.get("synth-000000"), tta.get("synth-000000")));
        }
    }
}
