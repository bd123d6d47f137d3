package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.MaskCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;
    Path truth;
    Path pred;

    static String square(int x0, int y0, int size) {
        boolean[] full = new boolean[32 * 32];
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                full[y * 32 + x] = true;
            }
        }
        return MaskCodec.encode(BinaryMask.ofRowMajor(32, 32, full));
    }

    @BeforeEach
    void files() throws Exception {
        String a = square(0, 0, 8);
        String b = square(16, 16, 8);
        truth = dir.resolve("truth.csv");
        pred = dir.resolve("pred.csv");
        Files.writeString(truth, "ID,ImageWidth,ImageHeight,PredictionString\n"
                + "f1,32,32,0 1 " + a + " 2 1 " + b + " 5 1 " + b + "\n");
        // Class 0 found, class 2 missed (wrong cell), class 5 not predicted; one field not in the truth.
        Files.writeString(pred, "ID,ImageWidth,ImageHeight,PredictionString\n"
                + "f1,32,32,0 0.9 " + a + " 2 0.8 " + a + " 7 0.5 " + a + "\n"
                + "other,32,32,0 0.9 " + a + "\n");
    }

    @Test
    void printsATableAndTheMap() {
        CommandRun r = CommandRun.of("evaluate", "--truth", truth.toString(), "--predictions", pred.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("    0  Nucleoplasm"), r.out());
        assertTrue(r.out().matches("(?s).*\\n +2 +Nucleoli +1 +1 +0\\.0000\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n +7 +Golgi apparatus +0 +0 +-\\n.*"), r.out());
        assertTrue(r.out().contains("mAP (IoU mask >= 0.6, 3 classes with ground truth): 0.3333"), r.out());
        assertTrue(r.out().contains("1 predicted fields not in the truth (not scored, e.g. other)"), r.out());
    }

    @Test
    void printsJson() throws Exception {
        CommandRun r = CommandRun.of("evaluate", "--truth", truth.toString(), "--predictions", pred.toString(), "--json",
                "--iou", "box", "-q");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1.0 / 3, j.get("mAP").asDouble(), 1e-12);
        assertEquals(19, j.get("perClassAP").size());
        assertEquals(1.0, j.get("perClassAP").get(0).asDouble());
        assertEquals(0.0, j.get("perClassAP").get(2).asDouble());
        assertTrue(j.get("perClassAP").get(7).isNull());
        assertEquals("box", j.get("iou").asText());
        assertEquals(1, j.get("predictedFieldsNotInTruth").asInt());
        assertEquals(1, j.get("classes").get(7).get("ignoredDetections").asInt());
    }

    @Test
    void badFilesGiveOneClearError() throws Exception {
        Files.writeString(pred, "ID,ImageWidth,ImageHeight,PredictionString\nf1,32,32,0 0.9\n");
        CommandRun r = CommandRun.of("evaluate", "--truth", truth.toString(), "--pred", pred.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains(pred + ":2: PredictionString has 2 tokens"), r.err());
        r = CommandRun.of("evaluate", "--truth", truth.toString(), "--pred", pred.toString(), "--iou", "pixel");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("unknown IoU kind 'pixel'"), r.err());
    }
}
