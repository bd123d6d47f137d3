package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        FieldGenerator gen = new FieldGenerator(Difficulty.EASY.params(4, 10, 64, 8));
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            for (int i = 0; i < 10; i++) {
                SyntheticField f = gen.generate(i);
                w.write(f.image(), f.imageLabels());
            }
        }
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
}
