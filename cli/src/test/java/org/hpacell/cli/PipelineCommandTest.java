package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.identity.OutputLock;
import org.hpacell.io.FailuresCsv;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpacell pipeline} on a tiny atlas (one epoch per stage): a locked output folder is refused at
 * once, and one unreadable test field is left out while every other field gets its submission,
 * evaluation and report, with exit code 1.
 */
class PipelineCommandTest {
    @TempDir
    Path dir;

    private static final String TINY = """
            {"tta": false,
             "stage1": {"model": "small", "imageSize": 48, "epochs": 1, "batchSize": 4, "seed": 7,
                        "loaderThreads": 1, "engineThreads": 1},
             "cellModel": {"model": "small", "imageSize": 32, "epochs": 1, "batchSize": 16, "seed": 7,
                           "loaderThreads": 1, "engineThreads": 1}}
            """;

    private String[] args(Path out) throws Exception {
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, TINY);
        return new String[] {"pipeline", "--train", dir.resolve("train").toString(), "--test",
            dir.resolve("test").toString(), "--config", config.toString(), "--out", out.toString(), "--threads", "2",
            "--quiet"};
    }

    private void atlas() throws Exception {
        new SynthDataset(SynthParams.defaults(1, 12, 96, 8)).write(dir.resolve("train"), 2, Progress.NONE, null, 0);
        new SynthDataset(SynthParams.defaults(2, 4, 96, 8)).write(dir.resolve("test"), 2, Progress.NONE, null, 0);
    }

    @Test
    void aSecondRunIntoALockedFolderExitsAtOnceNamingTheHolder() throws Exception {
        atlas();
        Path out = dir.resolve("out");
        try (OutputLock held = OutputLock.folder(out)) {
            CommandRun r = CommandRun.of(args(out));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertTrue(r.err().contains(out + ": in use by another hpacell run (process "
                    + ProcessHandle.current().pid() + ")"), r.err());
            assertFalse(Files.exists(out.resolve("config.json")), "no work was done");
        }
    }

    @Test
    void anUnreadableTestFieldIsLeftOutAndTheOthersGetEverything() throws Exception {
        atlas();
        Path test = dir.resolve("test");
        List<String> ids = SubmissionReader.readAll(test.resolve(SynthDataset.TRUTH_CSV)).stream()
                .map(SubmissionRow::id).toList();
        String bad = ids.get(1);
        Path green = test.resolve(bad + "_green.png");
        Files.writeString(green, "not a png");
        Path out = dir.resolve("out");
        for (int run = 0; run < 2; run++) { // the rerun skips every stage and still reports the field
            PrintStream stderr = System.err;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            CommandRun r;
            try {
                r = CommandRun.of(args(out));
            } finally {
                System.setErr(stderr);
            }
            String err = printed.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCodes.PARTIAL, r.exitCode(), r.out() + r.err() + err);
            assertTrue(err.contains("1 fields were skipped") && err.contains(bad + ": " + green), err);
            List<FieldFailure> errors = FailuresCsv.read(out.resolve("errors.csv"));
            assertEquals(List.of(bad), errors.stream().map(FieldFailure::fieldId).toList());
            assertTrue(errors.get(0).message().contains(green.toString()), errors.get(0).message());

            List<String> predicted = SubmissionReader.readAll(out.resolve("submission.csv")).stream()
                    .map(SubmissionRow::id).toList();
            assertEquals(ids.stream().filter(id -> !id.equals(bad)).sorted().toList(), predicted);
            assertTrue(Files.readString(out.resolve("evaluation.json")).contains("cellMap"));
            String report = Files.readString(out.resolve("report.html"));
            assertTrue(report.contains("Fields left out (1") && report.contains(bad), "report lists the field");
        }
    }

    @Test
    void aHeaderOnlyTrainCsvIsAnErrorBeforeAnyWork() throws Exception {
        atlas();
        Path train = dir.resolve("train");
        Path csv = train.resolve("train.csv");
        Files.writeString(csv, Files.readAllLines(csv).get(0) + "\n");
        Path out = dir.resolve("out");
        CommandRun r = CommandRun.of(args(out));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("hpacell: error: " + train + ": no usable fields: all 12 left out"), r.err());
        assertFalse(Files.exists(out.resolve("segment")), "nothing was segmented");
    }
}
