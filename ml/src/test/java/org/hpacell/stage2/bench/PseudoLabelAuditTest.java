package org.hpacell.stage2.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.io.ImageFiles;
import org.hpacell.pipeline.PipelineLayout;
import org.hpacell.pipeline.PipelineLayout.Split;
import org.hpacell.progress.Progress;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit on a pipeline folder whose CAMs are perfect (1 exactly on the cells that have the class):
 * every rule that reads the maps must rank the true cells first, all alike, while the broadcast of the
 * image labels cannot tell a field's cells apart. (Not 1.0: the rules keep to the image labels of
 * {@code train.csv}, which name Negative only when every cell is Negative, so the Negative cells of mixed
 * fields are missed by every rule.)
 */
class PseudoLabelAuditTest {
    @Test
    void perfectMapsScorePerfectlyAndBeatTheBroadcast(@TempDir Path dir) throws Exception {
        SynthParams params = SynthParams.defaults(9, 6, 96, 8);
        Path train = dir.resolve("train");
        new SynthDataset(params).write(train, 1, Progress.NONE, null, 0);
        PipelineLayout layout = new PipelineLayout(dir.resolve("run"));
        FieldGenerator gen = new FieldGenerator(params);
        for (int i = 0; i < 6; i++) {
            SyntheticField f = gen.generate(i);
            int w = f.cells().width();
            int h = f.cells().height();
            int[] labels = f.cells().array();
            float[] maps = new float[Location.COUNT * w * h];
            for (int p = 0; p < labels.length; p++) {
                if (labels[p] != 0) {
                    for (int k : f.labelsOf(labels[p]).indices()) {
                        maps[k * w * h + p] = 1f;
                    }
                }
            }
            CamMapsFile.write(CamMapsFile.of(layout.cams(Split.TRAIN).resolve("maps"), f.id()),
                    new CamMaps(f.id(), w, h, maps, new float[Location.COUNT]));
            ImageFiles.writeLabels(layout.cellsOf(Split.TRAIN, f.id()), f.cells());
        }

        Map<String, Double> r = PseudoLabelAudit.audit(layout.root(), train, dir.resolve("audit"));
        List<String> names = List.copyOf(PseudoLabelAudit.rules().keySet());
        assertEquals(names, List.copyOf(r.keySet()));
        double broadcast = r.get(names.get(0));
        double perfect = r.get("CAM mean in cell");
        for (String rule : names.subList(1, names.size())) {
            // binary maps: every rule ranks the cells alike, true cells first
            assertEquals(perfect, r.get(rule), 1e-9, rule);
        }
        // no training involved, so the numbers are exact: 0.925 against 0.900 on these six fields
        assertTrue(perfect > broadcast + 0.02, r.toString());
    }
}
