package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.io.HpaDataset;
import org.hpacell.synth.Difficulty;
import org.hpacell.synth.SynthParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesADatasetWithPreviewAndTheResolvedParameters() throws Exception {
        Path out = dir.resolve("ds");
        CommandRun r = CommandRun.of("synth", "--out", out.toString(), "--images", "3", "--size", "64", "--seed", "5", "--bit-depth", "8",
                "--difficulty", "hard", "--heterogeneity", "0.7", "--set", "optics.blur=0.05", "--preview", "--threads", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("cells whose labels differ"), r.out());
        assertTrue(Files.size(out.resolve("preview.png")) > 0);
        SynthParams p = SynthParams.read(out.resolve("synth.json"));
        assertEquals(5, p.seed());
        assertEquals(3, p.images());
        assertEquals(64, p.size());
        assertEquals(8, p.bitDepth());
        assertEquals(Difficulty.HARD, p.difficulty());
        assertEquals(0.7, p.labels().heterogeneity());
        assertEquals(0.05, p.optics().blur());
        HpaDataset ds = HpaDataset.open(out, HpaDataset.LabelPolicy.REQUIRED);
        assertEquals(3, ds.size());
        assertEquals(8, ds.read(ds.ids().get(0)).bitDepth());

        Path again = dir.resolve("again");
        CommandRun r2 = CommandRun.of("synth", "--out", again.toString(), "--config", out.resolve("synth.json").toString(),
                "--preview", "--threads", "1", "-q");
        assertEquals(ExitCodes.OK, r2.exitCode(), r2.err());
        for (String f : new String[] {"train.csv", "truth.csv", "cells.csv", "synth-000002_green.png", "preview.png"}) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    @Test
    void badParametersGiveAOneLineErrorNamingThem() {
        CommandRun r = CommandRun.of("synth", "--out", dir.resolve("x").toString(), "--set", "optics.nonsense=1");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("optics.nonsense"), r.err());
        CommandRun d = CommandRun.of("synth", "--out", dir.resolve("y").toString(), "--difficulty", "medium");
        assertEquals(ExitCodes.BAD_INPUT, d.exitCode());
        assertTrue(d.err().contains("medium"), d.err());
    }
}
