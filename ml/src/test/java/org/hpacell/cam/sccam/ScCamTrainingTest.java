package org.hpacell.cam.sccam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.cam.CamExtractor;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamModel;
import org.hpacell.cam.TtaPlan;
import org.hpacell.image.FieldImage;
import org.hpacell.progress.Progress;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScCamTrainingTest {
    @Test
    void roundsTrainAHeadOnSubCategoriesAndTheModelLoadsBack(@TempDir Path dir) throws Exception {
        TrainConfig c = ScCamTrainingTestData.config(ScCamTraining.NAME);
        c.objective.options.put("k", 2);
        c.objective.options.put("parent", "puzzle");
        Path last = ScCamTraining.run(c, dir, ScCamTrainingTestData.TINY, ScCamTrainingTestData.fields(), Progress.Factory.NONE);
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
        try (CamModel model = CamModel.load(last, ScCamTrainingTestData.TINY); NDManager m = NDManager.newBaseManager()) {
            SubCategoryClassifier net = assertInstanceOf(SubCategoryClassifier.class, model.classifier());
            assertEquals(38, net.subCategories());
            FieldImage f = ScCamTrainingTestData.fields().get(0).image();
            NDArray x = model.input(f, m);
            CamMaps maps = new CamExtractor(model.classifier(), TtaPlan.none()).extract("f0", x, 16, 16);
            assertEquals(19, maps.numClasses());
        }
    }
}
