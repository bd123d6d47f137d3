package org.hpacell.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.image.LabelImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.ImageFormat;
import org.hpacell.io.RgbImage;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.data.FieldSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamJobTest {
    @Test
    void writesMapsProbabilitiesPreviewsAndCellScoresAndGoesOnPastABadField(@TempDir Path dir) throws Exception {
        List<FieldSample> fields = org.hpacell.cam.sccam.ScCamTrainingTestData.fields();
        Path run = dir.resolve("run");
        TrainingLoop.fromConfig(org.hpacell.cam.sccam.ScCamTrainingTestData.config("classifier"), new RunDirectory(run),
                org.hpacell.cam.sccam.ScCamTrainingTestData.TINY, Progress.Factory.NONE).run(fields, false);

        Path data = dir.resolve("data");
        Path cells = dir.resolve("cells");
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            for (FieldSample f : fields.subList(0, 3)) {
                w.write(f.image(), f.labels());
                int[] labels = new int[16 * 16];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = 1 + (i % 16) / 8 + 2 * (i / 16 / 8); // four 8x8 cells
                }
                ImageFiles.writeLabels(cells.resolve(f.id() + ".png"), new LabelImage(16, 16, labels));
            }
        }
        Files.delete(data.resolve("f1_yellow.png"));

        HpaDataset ds = HpaDataset.open(data, HpaDataset.LabelPolicy.OPTIONAL);
        Path out = dir.resolve("out");
        try (CamModel model = CamModel.load(run, org.hpacell.cam.sccam.ScCamTrainingTestData.TINY)) {
            CamJob.Options options = new CamJob.Options(TtaPlan.standard(), 2, true, -1, cells,
                    out.resolve("submission.csv"), CellScorer.defaults());
            CamJob.Result result = CamJob.run(List.of(model), ds, List.of("f0", "f1", "f2"), out, options,
                    Progress.Factory.NONE);
            assertEquals(2, result.written());
            assertEquals(1, result.failures().size());
            assertEquals("f1", result.failures().get(0).fieldId());
        }
        CamMaps f0 = CamMapsFile.read(out.resolve("maps/f0.npz"));
        assertEquals(16, f0.width());
        assertEquals(19, f0.numClasses());
        List<String> csv = Files.readAllLines(out.resolve("probabilities.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("f0,"));
        assertEquals(20, csv.get(1).split(",").length);
        RgbImage preview = ImageFiles.readRgb(out.resolve("previews/f2.png"));
        assertEquals(16, preview.width());
        try (SubmissionReader r = SubmissionReader.open(out.resolve("submission.csv"))) {
            int rows = 0;
            for (SubmissionRow row = r.next(); row != null; row = r.next()) {
                assertEquals(4 * 19, row.predictions().size());
                rows++;
            }
            assertEquals(2, rows);
        }
    }
}
