package org.hpacell.segnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.hpacell.image.Channel;
import org.hpacell.stage2.SegmenterClassifier;
import org.hpacell.train.Network;
import org.hpacell.train.config.TrainConfig;
import org.junit.jupiter.api.Test;

class SegNetsTest {
    @Test
    void namesGiveTargetWidthAndDepth() {
        String name = SegNets.name(SegmentationTarget.CELLS, 8, 4);
        assertEquals("segnet-cells-w8-d4", name);
        assertEquals(SegmentationTarget.CELLS, SegNets.target(name));
        assertEquals(8, SegNets.width(name));
        assertEquals(4, SegNets.depth(name));
        assertThrows(IllegalArgumentException.class, () -> SegNets.create("segnet-golgi-w8-d4"));
        assertThrows(IllegalArgumentException.class, () -> SegmentationTarget.of("golgi"));
    }

    @Test
    void theNetworksSeeOnlyTheirTargetsChannels() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (SegmentationTarget target : SegmentationTarget.values()) {
                SegmenterClassifier net = SegNets.create(SegNets.name(target, 4, 3));
                Network n = new Network(net, m, 16, 3L);
                NDArray x = m.randomNormal(new Shape(2, Channel.COUNT, 16, 16));
                NDList out = n.forward(x, false);
                assertEquals(new Shape(2, 3, 16, 16), out.get(1).getShape());
                // changing green (never an input) changes nothing; changing blue (always an input) does
                NDArray green = x.duplicate();
                green.set(new ai.djl.ndarray.index.NDIndex(":, 1"), 5f);
                assertArrayEquals(out.get(1).toFloatArray(), n.forward(green, false).get(1).toFloatArray(), 1e-6f);
                NDArray blue = x.duplicate();
                blue.set(new ai.djl.ndarray.index.NDIndex(":, 2"), 5f);
                float[] changed = n.forward(blue, false).get(1).toFloatArray();
                float[] before = out.get(1).toFloatArray();
                double diff = 0;
                for (int i = 0; i < before.length; i++) {
                    diff += Math.abs(before[i] - changed[i]);
                }
                assertTrue(diff > 1e-3, target + " ignores the blue channel");
            }
            ChannelSelectingEncoder cells = (ChannelSelectingEncoder) SegNets.create("segnet-cells-w4-d3").unet().encoder();
            assertArrayEquals(new int[] {Channel.RED.ordinal(), Channel.YELLOW.ordinal(), Channel.BLUE.ordinal()},
                    cells.selected());
        }
    }

    @Test
    void aTargetsConfigForcesModelObjectiveAndBatchBuilderKeepingTheirOptions() {
        TrainConfig base = SegmenterTraining.defaults();
        base.model = "segnet-nuclei-w16-d5";
        base.objective.options.put("borderWeight", 3.0);
        TrainConfig c = SegmenterTraining.forTarget(base, SegmentationTarget.CELLS);
        assertEquals("segnet-cells-w16-d5", c.model);
        assertEquals(HpaSegmentationObjective.NAME, c.objective.name);
        assertEquals(3.0, c.objective.number("borderWeight", 0));
        assertEquals(HpaTargetBatchBuilder.NAME, c.batchBuilder.name);
        base.model = "small";
        assertEquals("segnet-nuclei-w8-d4", SegmenterTraining.forTarget(base, SegmentationTarget.NUCLEI).model);
    }
}
