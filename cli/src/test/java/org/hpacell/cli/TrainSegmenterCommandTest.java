package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.image.LabelImage;
import org.hpacell.io.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-segmenter on a tiny synthetic atlas, then segment --method unet with the trained model. */
class TrainSegmenterCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsResumesExportsAndSegmentsWithTheModel() throws IOException {
        Path data = dir.resolve("atlas");
        CommandRun synth = CommandRun.of("synth", "--out", data.toString(), "--images", "3", "--size", "64",
                "--seed", "5", "--quiet");
        assertEquals(ExitCodes.OK, synth.exitCode(), synth.err());
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, """
                {"model": "segnet-nuclei-w4-d3", "epochs": 1, "batchSize": 2, "imageSize": 64, "loaderThreads": 1}
                """);
        Path model = dir.resolve("model");
        Path export = dir.resolve("export");
        CommandRun train = CommandRun.of("train-segmenter", "--data", data.toString(), "--out", model.toString(),
                "--config", config.toString(), "--threads", "1", "--quiet");
        assertEquals(ExitCodes.OK, train.exitCode(), train.err());
        for (String t : new String[] {"nuclei", "cells"}) {
            assertTrue(Files.isRegularFile(model.resolve(t + "/checkpoints/last.ckpt")), t);
            assertTrue(Files.readString(model.resolve(t + "/config.json")).contains("segnet-" + t + "-w4-d3"), t);
        }
        CommandRun again = CommandRun.of("train-segmenter", "--data", data.toString(), "--out", model.toString(),
                "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, again.exitCode(), "an existing run is not overwritten without --resume");
        assertTrue(again.err().contains("--resume"), again.err());
        CommandRun resumed = CommandRun.of("train-segmenter", "--data", data.toString(), "--out", model.toString(),
                "--resume", "--export", export.toString(), "--quiet");
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.err());
        assertTrue(Files.isRegularFile(export.resolve("cells/checkpoints/best.ckpt")));
        assertTrue(Files.isRegularFile(export.resolve("nuclei/config.json")));

        Path out = dir.resolve("seg");
        CommandRun seg = CommandRun.of("segment", "--images", data.toString(), "--out", out.toString(), "--method",
                "unet", "--model", export.toString(), "--quiet");
        assertEquals(ExitCodes.OK, seg.exitCode(), seg.err());
        assertTrue(seg.out().contains("3 field(s) segmented (unet)"), seg.out());
        LabelImage cells = ImageFiles.readLabels(out.resolve("cells/synth-000000.png"));
        assertEquals(64, cells.width());
    }

    @Test
    void aFolderThatIsNotASyntheticAtlasIsBadInputNamingTheMissingTruth() throws IOException {
        Path data = dir.resolve("atlas");
        CommandRun synth = CommandRun.of("synth", "--out", data.toString(), "--images", "1", "--size", "64", "--quiet");
        assertEquals(ExitCodes.OK, synth.exitCode(), synth.err());
        Files.delete(data.resolve("truth/synth-000000_nuclei.png"));
        CommandRun r = CommandRun.of("train-segmenter", "--data", data.toString(), "--out", dir.resolve("m").toString(),
                "--target", "nuclei", "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("synth-000000_nuclei.png"), r.err());
    }
}
