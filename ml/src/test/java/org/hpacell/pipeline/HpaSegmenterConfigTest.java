package org.hpacell.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.nn.hpa.HpaModelNetworks;
import org.hpacell.nn.hpa.HpaModelOptions;
import org.hpacell.segment.CellSegmenter;
import org.hpacell.segment.HpaPostprocess;
import org.hpacell.segment.NetworkSegmenter;
import org.hpacell.segment.Segmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's {@code "segmenter": "hpa"} with its {@code hpa} block. */
class HpaSegmenterConfigTest {
    @TempDir
    Path dir;

    private static Path tiny(String name) throws Exception {
        return Path.of(HpaSegmenterConfigTest.class.getResource("/hpamodels/" + name).toURI());
    }

    private PipelineConfig read(String json) throws Exception {
        return PipelineConfig.read(Files.writeString(dir.resolve("config.json"), json));
    }

    @Test
    void missingKeysAreNamed() throws Exception {
        IllegalArgumentException noBlock = assertThrows(IllegalArgumentException.class,
                () -> read("{\"segmenter\": \"hpa\"}").validate());
        assertTrue(noBlock.getMessage().contains("\"hpa\" block"), noBlock.getMessage());
        IllegalArgumentException noCell = assertThrows(IllegalArgumentException.class,
                () -> read("{\"segmenter\": \"hpa\", \"hpa\": {\"nucleiModel\": \"n.pt\"}}").validate());
        assertTrue(noCell.getMessage().contains("hpa.cellModel"), noCell.getMessage());
        IllegalArgumentException noNuclei = assertThrows(IllegalArgumentException.class,
                () -> read("{\"segmenter\": \"hpa\", \"hpa\": {\"cellModel\": \"c.pt\"}}").validate());
        assertTrue(noNuclei.getMessage().contains("hpa.nucleiModel"), noNuclei.getMessage());
    }

    @Test
    void otherSegmentersWriteNoHpaBlock() throws Exception {
        Path out = dir.resolve("resolved.json");
        PipelineConfig.defaults().write(out);
        assertFalse(Files.readString(out).contains("\"hpa\""));
    }

    @Test
    void hpaSegmenterRunsTheConfiguredNetworks() throws Exception {
        PipelineConfig c = read("{\"segmenter\": \"hpa\", \"hpa\": {\"nucleiModel\": \""
                + tiny("tiny-threshold-nuclei.pt") + "\", \"cellModel\": \"" + tiny("tiny-threshold-cell.pt")
                + "\", \"padding\": true}}").validate();
        FieldImage f = field();
        CellSegmenter s = FieldCells.of(c, dir);
        Segmentation got;
        try {
            got = s.segment(f);
        } finally {
            ((AutoCloseable) s).close();
        }
        assertEquals(1, got.cells().objects().size());
        assertEquals(1, got.nuclei().objects().size());
        try (NetworkSegmenter direct = new NetworkSegmenter(HpaModelNetworks.open(tiny("tiny-threshold-nuclei.pt"),
                tiny("tiny-threshold-cell.pt"), HpaModelOptions.withPadding(true)), HpaPostprocess.full())) {
            Segmentation expected = direct.segment(f);
            assertArrayEquals(expected.cells().array(), got.cells().array());
            assertArrayEquals(expected.nuclei().array(), got.nuclei().array());
        }
    }

    /** 256x256 8-bit: a disc cell (red, yellow) of radius 80 around a disc nucleus (blue) of radius 36. */
    private static FieldImage field() {
        int s = 256;
        float[][] ch = new float[Channel.COUNT][s * s];
        for (int i = 0; i < s * s; i++) {
            double d = Math.hypot(i % s - 128, i / s - 128);
            ch[Channel.BLUE.ordinal()][i] = d < 36 ? 220 : 0;
            ch[Channel.RED.ordinal()][i] = d < 80 ? 120 : 0;
            ch[Channel.YELLOW.ordinal()][i] = d < 80 ? 120 : 0;
        }
        return new FieldImage("f", s, s, 8, ch);
    }
}
