package org.hpacell.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.io.SubmissionReader;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two demos of different sizes in one folder (as {@code demo} after {@code demo --quick}) never reuse
 * each other's data, stages or oracle; tiny sizes keep it fast.
 */
class DemoIdentityTest {
    @TempDir
    Path dir;

    private static String demo(Demo.Size size, Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            new Demo(size, 5, 2, Progress.Factory.NONE, p).run(out);
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDemoOfAnotherSizeRedoesEverything() throws Exception {
        Demo.Size small = new Demo.Size(12, 4, 96, 48, 1, 1);
        Demo.Size other = new Demo.Size(12, 5, 96, 48, 1, 1);
        Path out = dir.resolve("demo");
        demo(small, out);
        String summary = Files.readString(out.resolve("summary.md"));
        Path leftover = Files.createTempFile(out.resolve("data/train"), ".train.csv", ".tmp");

        String second = demo(other, out);
        assertTrue(second.contains("changed since the last demo in " + out + ": [demo size]"), second);
        assertFalse(second.contains("done before"), "no stage is reused: " + second);
        assertFalse(Files.exists(leftover));
        assertEquals(5, SubmissionReader.readAll(out.resolve("pipeline/submission.csv")).size());
        assertEquals(5, SubmissionReader.readAll(out.resolve("pipeline/baseline/oracle.csv")).size());

        String third = demo(small, out);
        assertTrue(third.contains("changed since the last demo"), third);
        assertEquals(4, SubmissionReader.readAll(out.resolve("pipeline/submission.csv")).size());
        assertEquals(summary, Files.readString(out.resolve("summary.md")), "the small demo's numbers again");
    }
}
