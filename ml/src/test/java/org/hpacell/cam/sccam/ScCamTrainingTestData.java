package org.hpacell.cam.sccam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.TinyCamNet;
import org.hpacell.image.FieldImage;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.config.PluginConfig;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;

/** Tiny labelled fields, a tiny network factory and a one-epoch config for training tests. */
public final class ScCamTrainingTestData {
    private ScCamTrainingTestData() {
    }

    public static final ClassifierFactory TINY = (name, in, classes) -> new TinyCamNet(in, classes, 6);

    /** Twelve random 8-bit 16x16 fields, each labelled with class i % 3 (and 18 for some). */
    public static List<FieldSample> fields() {
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

    public static TrainConfig config(String objective) {
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

}
