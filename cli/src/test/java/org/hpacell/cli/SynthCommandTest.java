package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.io.HpaDataset;
import org.hpacell.synth.Difficulty;
import org.hpacell.synth.SynthParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = HpaCell.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesADatasetWithPreviewAndTheResolvedParameters() throws Exception {
        Path out = dir.resolve("ds");
        Run r = run("synth", "--out", out.toString(), "--images", "3", "--size", "64", "--seed", "5", "--bit-depth", "8",
                "--difficulty", "hard", "--heterogeneity", "0.7", "--set", "optics.blur=0.05", "--preview", "--threads", "2");
        assertEquals(ExitCodes.OK, r.code(), r.err());
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
        Run r2 = run("synth", "--out", again.toString(), "--config", out.resolve("synth.json").toString(), "-q");
        assertEquals(ExitCodes.OK, r2.code(), r2.err());
        for (String f : new String[] {"train.csv", "truth.csv", "cells.csv", "synth-000002_green.png"}) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    @Test
    void badParametersGiveAOneLineErrorNamingThem() {
        Run r = run("synth", "--out", dir.resolve("x").toString(), "--set", "optics.nonsense=1");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("optics.nonsense"), r.err());
        Run d = run("synth", "--out", dir.resolve("y").toString(), "--difficulty", "medium");
        assertEquals(ExitCodes.BAD_INPUT, d.code());
        assertTrue(d.err().contains("medium"), d.err());
    }
}
