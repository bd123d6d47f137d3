package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.atlas.LabelSet;
import org.hpacell.identity.OutputLock;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train, predict and demo refuse an output another run holds, at once, naming the output and the
 * holder's process id (pipeline: {@link PipelineCommandTest}; between processes and after a kill:
 * {@code OutputLockTest} in core).
 */
class OutputLockCommandsTest {
    @TempDir
    Path dir;

    private static final String HELD = ": in use by another hpacell run (process " + ProcessHandle.current().pid() + ")";

    private Path data() throws Exception {
        Path data = dir.resolve("data");
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            w.write(new FieldImage("f0", 8, 8, 8, new float[Channel.COUNT][64]), LabelSet.of(3));
        }
        return data;
    }

    @Test
    void trainRefusesAHeldRunFolder() throws Exception {
        Path run = dir.resolve("run");
        Path config = Files.writeString(dir.resolve("c.json"), "{\"model\": \"small\", \"epochs\": 1}");
        try (OutputLock held = OutputLock.folder(run)) {
            CommandRun r = CommandRun.of("train", "--config", config.toString(), "--data", data().toString(), "--out",
                    run.toString(), "--quiet");
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
            assertTrue(r.err().contains(run + HELD), r.err());
        }
        assertFalse(Files.exists(run.resolve("config.json")));
    }

    @Test
    void predictRefusesAHeldSubmission() throws Exception {
        Path submission = dir.resolve("out/submission.csv");
        try (OutputLock held = OutputLock.file(submission)) {
            CommandRun r = CommandRun.of("predict", "--data", data().toString(), "--stage1", dir.resolve("s1").toString(),
                    "--out", submission.toString(), "--quiet");
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
            assertTrue(r.err().contains(submission + HELD), r.err());
        }
        assertFalse(Files.exists(submission.resolveSibling("submission.csv.parts")));
    }

    @Test
    void predictIntoAFolderFailsBeforeAnyWork() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out"));
        CommandRun r = CommandRun.of("predict", "--data", data().toString(), "--stage1", dir.resolve("s1").toString(),
                "--out", folder.toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains(folder + ": is a folder; --out names the submission CSV to write"), r.err());
        assertFalse(Files.exists(dir.resolve("out.parts")));
    }

    @Test
    void demoRefusesAHeldFolder() throws Exception {
        Path out = dir.resolve("demo");
        try (OutputLock held = OutputLock.folder(out)) {
            CommandRun r = CommandRun.of("demo", "--quick", "--out", out.toString(), "--quiet");
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
            assertTrue(r.err().contains(out + HELD), r.err());
        }
        assertFalse(Files.exists(out.resolve("data")));
    }
}
