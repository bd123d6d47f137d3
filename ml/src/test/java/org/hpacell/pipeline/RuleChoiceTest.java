package org.hpacell.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.cam.cell.CellScores;
import org.junit.jupiter.api.Test;

/**
 * The combination rule is chosen from image labels alone: the candidate whose cell scores find each field's
 * pattern wins, whichever of the two scorers carries the signal.
 */
class RuleChoiceTest {
    /**
     * 40 fields, each labelled with one class k; the informative scorer gives one of its cells a high score
     * for k, the other scorer is noise. Image probabilities are flat, so only the cell scores decide.
     */
    private static List<RuleChoice.Field> fields(boolean classifierInformative, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<RuleChoice.Field> out = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            int k = f % 5;
            float[] image = new float[Location.COUNT];
            java.util.Arrays.fill(image, 0.5f);
            List<CellScores> good = new ArrayList<>();
            List<CellScores> noise = new ArrayList<>();
            for (int c = 1; c <= 4; c++) {
                float[] g = new float[Location.COUNT];
                float[] n = new float[Location.COUNT];
                for (int j = 0; j < Location.COUNT; j++) {
                    g[j] = (float) (0.2 * r.nextDouble());
                    n[j] = (float) r.nextDouble();
                }
                if (c == 1) {
                    g[k] = 0.9f;
                }
                good.add(new CellScores(c, g));
                noise.add(new CellScores(c, n));
            }
            out.add(new RuleChoice.Field(LabelSet.of(k), image, classifierInformative ? good : noise,
                    classifierInformative ? noise : good));
        }
        return out;
    }

    @Test
    void theScorerThatFindsThePatternIsChosen() {
        RuleChoice.Choice cell = RuleChoice.choose(fields(true, 1), RuleChoice.Candidate.MEAN);
        assertEquals(RuleChoice.Candidate.CELL, cell.chosen(), cell.describe());
        RuleChoice.Choice cam = RuleChoice.choose(fields(false, 2), RuleChoice.Candidate.MEAN);
        assertEquals(RuleChoice.Candidate.CAM, cam.chosen(), cam.describe());
        assertTrue(cam.imageAp().get(RuleChoice.Candidate.CAM) > cam.imageAp().get(RuleChoice.Candidate.CELL));
        assertEquals(40, cam.fields());
        assertTrue(cam.describe().contains("CAM x image"), cam.describe());
    }

    @Test
    void misleadingImageProbabilitiesLeaveTheCellClassifierAlone() {
        SplittableRandom r = new SplittableRandom(3);
        List<RuleChoice.Field> out = new ArrayList<>();
        for (RuleChoice.Field f : fields(true, 4)) {
            float[] image = new float[Location.COUNT];
            for (int k = 0; k < image.length; k++) {
                image[k] = (float) r.nextDouble(); // a stage 1 that knows nothing
            }
            out.add(new RuleChoice.Field(f.labels(), image, f.classifier(), f.cam()));
        }
        RuleChoice.Choice c = RuleChoice.choose(out, RuleChoice.Candidate.MEAN);
        assertEquals(RuleChoice.Candidate.CELL_ONLY, c.chosen(), c.describe());
    }

    @Test
    void withNoHeldOutFieldTheFallbackStands() {
        RuleChoice.Choice none = RuleChoice.choose(List.of(), RuleChoice.Candidate.MEAN);
        assertEquals(RuleChoice.Candidate.MEAN, none.chosen());
        assertTrue(none.imageAp().isEmpty());
    }
}
