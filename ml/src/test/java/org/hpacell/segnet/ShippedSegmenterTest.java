package org.hpacell.segnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.hpacell.metric.InstanceMatch;
import org.hpacell.segment.NetworkSegmenter;
import org.hpacell.segment.Segmentation;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.junit.jupiter.api.Test;

/** The shipped U-Net pair loads from the class path and segments a synthetic field it never saw. */
class ShippedSegmenterTest {
    @Test
    void theShippedModelSegmentsAnUnseenSyntheticField() throws IOException {
        SyntheticField f = new FieldGenerator(SynthParams.defaults(4242, 1, 256, 16).validate()).generate(0);
        try (UNetSegmentationNetworks nets = ShippedSegmenter.networks()) {
            assertEquals(256, nets.imageSize());
        }
        try (NetworkSegmenter segmenter = ShippedSegmenter.segmenter(null, false)) {
            Segmentation s = segmenter.segment(f.image());
            int truth = f.cellCount();
            int found = s.cells().objects().size();
            InstanceMatch nuclei = InstanceMatch.of(f.nuclei(), s.nuclei());
            System.out.printf("shipped segmenter: %d cells (truth %d), nuclei %s%n", found, truth, nuclei);
            assertTrue(found >= truth / 2 && found <= 2 * truth, found + " cells found, " + truth + " true");
            assertTrue(nuclei.averagePrecision() >= 0.5, "nuclei " + nuclei);
        }
    }
}
