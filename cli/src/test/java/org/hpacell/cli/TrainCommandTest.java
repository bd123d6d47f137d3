package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFormat;
import org.hpacell.synth.Difficulty;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SyntheticField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train -> resume -> predict-images -> bench through the command line, on a tiny synthetic folder. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainResumePredictAndBench() throws IOException {
        Path data = dir.resolve("data");
        writeFields(data, 4, 10);
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {"model": "small", "epochs": 1, "batchSize": 4, "imageSize": 32, "validationFraction": 0.2}""");
        Path run = dir.resolve("run");
        CommandRun t = CommandRun.of("train", "--config", config.toString(), "--data", data.toString(),
                "--out", run.toString(), "--threads", "1", "--quiet");
        assertEquals(ExitCodes.OK, t.exitCode(), t.err());
        assertTrue(t.out().contains("best val macro AP"), t.out());
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/best.ckpt")));

        // a finished run resumes to no further epochs
        CommandRun again = CommandRun.of("train", "--data", data.toString(), "--out", run.toString(), "--resume",
                "--quiet");
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());

        // a run folder is not silently overwritten, nor resumed on other data
        CommandRun plain = CommandRun.of("train", "--config", config.toString(), "--data", data.toString(),
                "--out", run.toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, plain.exitCode());
        assertTrue(plain.err().contains(run + ": already holds a training run; give --resume to continue it or "
                + "--overwrite to replace it"), plain.err());
        Path other = dir.resolve("other");
        writeFields(other, 5, 11);
        CommandRun elsewhere = CommandRun.of("train", "--data", other.toString(), "--out", run.toString(), "--resume",
                "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, elsewhere.exitCode());
        assertTrue(elsewhere.err().contains(run + ": was trained on other data than --data " + other), elsewhere.err());
        byte[] checkpoint = Files.readAllBytes(run.resolve("checkpoints/last.ckpt"));
        CommandRun replaced = CommandRun.of("train", "--config", config.toString(), "--data", other.toString(),
                "--out", run.toString(), "--overwrite", "--quiet");
        assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.err());
        assertTrue(Files.readString(run.resolve("provenance.json")).contains("\"fields\" : 11"),
                "the provenance describes the new data");
        assertFalse(java.util.Arrays.equals(checkpoint, Files.readAllBytes(run.resolve("checkpoints/last.ckpt"))));
        CommandRun resumedOther = CommandRun.of("train", "--data", other.toString(), "--out", run.toString(),
                "--resume", "--quiet");
        assertEquals(ExitCodes.OK, resumedOther.exitCode(), resumedOther.err());

        Path probs = dir.resolve("probs.csv");
        CommandRun p = CommandRun.of("predict-images", "--model", run.toString(), "--data", data.toString(),
                "--out", probs.toString(), "--tta", "--quiet");
        assertEquals(ExitCodes.OK, p.exitCode(), p.err());
        List<String> lines = Files.readAllLines(probs);
        assertEquals(11, lines.size());
        assertTrue(lines.get(0).startsWith("ID,0,1,2,"));
        assertEquals(20, lines.get(1).split(",").length);

        CommandRun b = CommandRun.of("bench", "infer", "--model", "small", "--size", "32", "--batch", "2",
                "--warmup", "0", "--iters", "1", "--threads", "1");
        assertEquals(ExitCodes.OK, b.exitCode(), b.err());
        assertTrue(b.out().contains("\"img_s\""), b.out());

        CommandRun bad = CommandRun.of("train", "--data", data.toString(), "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("--config FILE is required"), bad.err());
    }

    private static void writeFields(Path data, long seed, int n) throws IOException {
        FieldGenerator gen = new FieldGenerator(Difficulty.EASY.params(seed, n, 64, 8));
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            for (int i = 0; i < n; i++) {
                SyntheticField f = gen.generate(i);
                w.write(f.image(), f.imageLabels());
            }
        }
    }
}
