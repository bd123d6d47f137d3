package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.image.LabelImage;
import org.hpacell.io.ImageFiles;
import org.hpacell.pseudo.CellLabelsCsv;
import org.hpacell.pseudo.CellPseudoLabels;
import org.hpacell.pseudo.Grade;
import org.hpacell.pseudo.PixelLabelsFile;
import org.hpacell.pseudo.PixelPseudoLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoCommandTest {
    private static final int W = 8;
    private static final int H = 4;

    @TempDir
    Path dir;

    private static String run(int expectedCode, String... args) {
        return CommandRun.expect(expectedCode, args);
    }

    /** CAMs in which class 6 covers the left half of the field with {@code value}, probability {@code p6}. */
    private static void writeCams(Path folder, String id, float value, float p6) throws IOException {
        float[] maps = new float[19 * W * H];
        for (int i = 0; i < W * H; i++) {
            if (i % W < W / 2) {
                maps[6 * W * H + i] = value;
            }
        }
        float[] probs = new float[19];
        probs[6] = p6;
        probs[0] = 0.3f;
        CamMapsFile.write(CamMapsFile.of(folder, id), new CamMaps(id, W, H, maps, probs));
    }

    /** Cell 1: left half, cell 2: right half. */
    private void writeCells(String id) throws IOException {
        int[] ids = new int[W * H];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % W < W / 2 ? 1 : 2;
        }
        ImageFiles.writeLabels(dir.resolve("cells").resolve(id + "_cellmask.png"), new LabelImage(W, H, ids));
    }

    @Test
    void averagesAnEnsembleAndWritesPixelAndCellLabels() throws IOException {
        // member a: 0.4 on the left, member b: 0.1 -> mean 0.25 >= 0.225 passes; member b alone would not
        writeCams(dir.resolve("a"), "f1", 0.4f, 0.9f);
        writeCams(dir.resolve("b"), "f1", 0.1f, 0.7f);
        writeCells("f1");
        Path out = dir.resolve("out");
        String text = run(ExitCodes.OK, "pseudo", "--cams", dir.resolve("a").toString(), "--cams",
                dir.resolve("b").toString(), "--cells", dir.resolve("cells").toString(), "--out", out.toString(),
                "--threads", "1");
        assertTrue(text.contains("1 field(s), 2 cell(s)"), text);
        PixelPseudoLabels p = PixelLabelsFile.read(out.resolve("pixels/f1.npz"));
        // labels from the mean probability: class 6 (0.8) passes 0.5, class 0 (0.3) does not
        assertEquals(LabelSet.of(6), p.classes());
        assertEquals(LabelSet.of(6), p.classesAt(0));
        assertTrue(p.classesAt(W - 1).isEmpty());
        Map<String, CellPseudoLabels> cells = CellLabelsCsv.read(out.resolve("cell_labels.csv"));
        assertEquals(Grade.FULL, cells.get("f1").grade(0, 6));
        assertEquals(Grade.NONE, cells.get("f1").grade(1, 6));
        assertTrue(Files.exists(out.resolve("preview/f1.png")));
    }

    @Test
    void imageLabelsComeFromTrainCsvAndBadFieldsAreSkipped() throws IOException {
        Path cams = dir.resolve("cams"); // laid out as 'hpacell cams' writes: cams/maps/ID.npz
        writeCams(cams.resolve("maps"), "f1", 0.9f, 0.1f);
        writeCams(cams.resolve("maps"), "f2", 0.9f, 0.1f);
        writeCells("f1"); // f2 has no cell image
        Path train = dir.resolve("train.csv");
        Files.writeString(train, "ID,Label\nf1,6|0\nf2,6\n");
        Path out = dir.resolve("out");
        String text = run(ExitCodes.PARTIAL, "pseudo", "--cams", cams.toString(), "--cells",
                dir.resolve("cells").toString(), "--out", out.toString(), "--labels", train.toString(), "--soft");
        assertTrue(text.contains("skipped f2") && text.contains("f2_cellmask.png"), text);
        PixelPseudoLabels p = PixelLabelsFile.read(out.resolve("pixels/f1.npz"));
        assertEquals(LabelSet.of(0, 6), p.classes());
        assertEquals(0.9f, p.target(6, 0), 1f / 255);
    }

    @Test
    void aMissingCamFolderIsABadInput() {
        String text = run(ExitCodes.BAD_INPUT, "pseudo", "--cams", dir.resolve("nope").toString(), "--cells",
                dir.toString(), "--out", dir.resolve("o").toString());
        assertTrue(text.contains("nope") && text.contains("not a folder"), text);
    }
}
