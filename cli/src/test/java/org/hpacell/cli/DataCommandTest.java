package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;


    private void writeDataset() throws IOException {
        try (HpaWriter w = HpaWriter.create(dir, ImageFormat.PNG, 16)) {
            for (int i = 0; i < 3; i++) {
                float[][] planes = new float[Channel.COUNT][6 * 4];
                planes[1][i] = 60000f;
                w.write(new FieldImage("field" + i, 6, 4, 16, planes), i == 2 ? LabelSet.parse("0|5") : LabelSet.of(0));
            }
        }
    }

    @Test
    void listsFieldsSizesDepthsAndClassCounts() throws IOException {
        writeDataset();
        CommandRun r = CommandRun.of("data", "check", "--data", dir.toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("field2  6x4           16  0|5"), r.out());
        assertTrue(r.out().contains("3 good field(s), 0 problem(s)"), r.out());
        assertTrue(r.out().contains("sizes: 6x4 (3)"), r.out());
        assertTrue(r.out().contains("bit depths: 16 (3)"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+0  Nucleoplasm\\s+3\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+5  Nuclear bodies\\s+1\\n.*"), r.out());
    }

    @Test
    void badFieldGivesPartialExitAndIsNamed() throws IOException {
        writeDataset();
        Files.writeString(dir.resolve("field1_yellow.png"), "not an image");
        CommandRun r = CommandRun.of("data", "check", "--data", dir.toString());
        assertEquals(ExitCodes.PARTIAL, r.exitCode(), r.err());
        assertTrue(r.out().contains("2 good field(s), 1 problem(s)"), r.out());
        assertTrue(r.out().contains("field1: " + dir.resolve("field1_yellow.png") + ": not an image"), r.out());
    }

    @Test
    void anEmptyFolderIsBadInput() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CommandRun r = CommandRun.of("data", "check", "--data", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("hpacell: error: " + empty + ": no fields (expected ID_red.png"), r.err());
        r = CommandRun.of("predict", "--data", empty.toString(), "--stage1", dir.resolve("s1").toString(), "--out",
                dir.resolve("sub.csv").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("hpacell: error: " + empty + ": no fields"), r.err());
    }

    @Test
    void missingFolderIsBadInput() {
        Path none = dir.resolve("none");
        CommandRun r = CommandRun.of("data", "check", "--data", none.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("hpacell: error: " + none + ": no such folder"), r.err());
    }
}
