package org.hpacell.cam.sccam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.CamExtractor;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.TinyCamNet;
import org.hpacell.cam.TrainedModel;
import org.hpacell.cam.TtaPlan;
import org.hpacell.image.FieldImage;
import org.hpacell.progress.Progress;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.PluginConfig;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScCamTrainingTest {
    static final ClassifierFactory TINY = (name, in, classes) -> new TinyCamNet(in, classes, 6);

    /** Twelve random 8-bit 16x16 fields, each labelled with class i % 3 (and 18 for some). */
    static List<FieldSample> fields() {
        Random r = new Random(3);
        List<FieldSample> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            float[][] ch = new float[4][16 * 16];
            for (float[] c : ch) {
                for (int p = 0; p < c.length; p++) {
                    c[p] = r.nextInt(256);
                }
            }
            LabelSet labels = i % 4 == 0 ? LabelSet.of(i % 3, 18) : LabelSet.of(i % 3);
            out.add(new InMemorySample(new FieldImage("f" + i, 16, 16, 8, ch), labels));
        }
        return out;
    }

    static TrainConfig config(String objective) {
        TrainConfig c = new TrainConfig();
        c.epochs = 1;
        c.batchSize = 4;
        c.imageSize = 16;
        c.validationFraction = 0.25;
        c.loaderThreads = 1;
        c.prefetchBatches = 1;
        c.engineThreads = 1;
        c.objective = new PluginConfig(objective);
        return c;
    }

    @Test
    void roundsTrainAHeadOnSubCategoriesAndTheModelLoadsBack(@TempDir Path dir) throws Exception {
        TrainConfig c = config(ScCamTraining.NAME);
        c.objective.options.put("k", 2);
        c.objective.options.put("parent", "puzzle");
        Path last = ScCamTraining.run(c, dir, TINY, fields(), Progress.Factory.NONE);
        assertEquals(dir.resolve("round1"), last);
        assertEquals("puzzle", ConfigFiles.read(dir.resolve("round0/config.json")).objective.name);
        TrainConfig sc = ConfigFiles.read(last.resolve("config.json"));
        assertEquals(ScCamTraining.NAME, sc.objective.name);
        SubCategoryLabels labels = ConfigFiles.json().readValue(last.resolve(ScCamTraining.LABELS_FILE).toFile(),
                SubCategoryLabels.class);
        assertEquals(2, labels.k());
        assertEquals(9, labels.assignment().size(), "the 9 training fields of the 12 are clustered");
        assertTrue(Files.exists(last.resolve("metrics.csv")));
        assertTrue(Files.readString(last.resolve("metrics.csv")).contains("subcategory"));
        try (TrainedModel model = TrainedModel.load(last, TINY); NDManager m = NDManager.newBaseManager()) {
            SubCategoryClassifier net = assertInstanceOf(SubCategoryClassifier.class, model.classifier());
            assertEquals(38, net.subCategories());
            FieldImage f = fields().get(0).image();
            NDArray x = model.input(f, m);
            CamMaps maps = new CamExtractor(model.classifier(), TtaPlan.none()).extract("f0", x, 16, 16);
            assertEquals(19, maps.numClasses());
        }
    }
}
