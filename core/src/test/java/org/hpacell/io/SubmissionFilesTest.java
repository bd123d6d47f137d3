package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.LabelImage;
import org.hpacell.image.LabelObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionFilesTest {
    @TempDir
    Path dir;

    private static final String MASK = "eNozMAQAAJMAYg==";

    @Test
    void rowsRoundTripWithExactConfidences() throws IOException {
        Path file = dir.resolve("sub.csv");
        List<SubmissionRow> rows = List.of(
                new SubmissionRow("a1", 2048, 1728, List.of(new Prediction(0, 0.383448, MASK),
                        new Prediction(18, 1e-7, MASK), new Prediction(5, 1.0, "eNoLTA43")) ),
                new SubmissionRow("b-2", 1, 1, List.of()));
        try (SubmissionWriter out = SubmissionWriter.open(file)) {
            for (SubmissionRow r : rows) {
                out.write(r);
            }
            out.commit();
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals("ID,ImageWidth,ImageHeight,PredictionString", lines.get(0));
        assertEquals("a1,2048,1728,0 0.383448 " + MASK + " 18 0.0000001 " + MASK + " 5 1 eNoLTA43", lines.get(1));
        assertEquals("b-2,1,1,", lines.get(2));
        assertEquals(rows, SubmissionReader.readAll(file));
    }

    @Test
    void cellsAreWrittenWithAllNineteenClassesAndTheirMasks() throws IOException {
        int w = 40, h = 30;
        int[] labels = new int[w * h];
        Random rnd = new Random(1);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rnd.nextInt(10) < 3 ? 0 : 1 + (i % w) / 10 + 4 * ((i / w) / 15);
        }
        LabelImage cells = new LabelImage(w, h, labels);
        Path file = dir.resolve("cells.csv");
        try (SubmissionWriter out = SubmissionWriter.open(file)) {
            out.writeCells("f", cells, id -> id == 3 ? null : scores(id));
            out.commit();
        }
        SubmissionRow row = SubmissionReader.readAll(file).get(0);
        List<LabelObject> objects = new ArrayList<>(cells.objects());
        objects.removeIf(o -> o.id() == 3);
        assertEquals(objects.size() * 19, row.predictions().size());
        for (int c = 0; c < objects.size(); c++) {
            BinaryMask expected = cells.mask(objects.get(c));
            for (int k = 0; k < 19; k++) {
                Prediction p = row.predictions().get(c * 19 + k);
                assertEquals(k, p.classIndex());
                assertEquals(scores(objects.get(c).id())[k], p.confidence());
                assertEquals(expected, MaskCodec.decode(p.encodedMask(), w, h));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> {
            try (SubmissionWriter out = SubmissionWriter.open(dir.resolve("bad.csv"))) {
                out.writeCells("f", cells, id -> new double[3]);
            }
        });
        assertFalse(Files.exists(dir.resolve("bad.csv")));
    }

    private static double[] scores(int cellId) {
        double[] s = new double[19];
        for (int k = 0; k < 19; k++) {
            s[k] = (cellId * 19 + k) / 1000.0;
        }
        return s;
    }

    @Test
    void anUncommittedWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub.csv");
        Files.writeString(file, "old");
        assertThrows(IllegalStateException.class, () -> {
            try (SubmissionWriter out = SubmissionWriter.open(file)) {
                out.write(new SubmissionRow("x", 5, 5, List.of()));
                throw new IllegalStateException("job failed");
            }
        });
        assertEquals("old", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void malformedRowsAreReportedWithLineNumbersAndReadingGoesOn() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, String.join("\n",
                "ID,ImageWidth,ImageHeight,PredictionString",
                "ok1,10,10,0 0.5 " + MASK,
                "short,10",
                "lbl,10,10,19 0.5 " + MASK,
                "",
                "cnt,10,10,0 0.5",
                "conf,10,10,0 high " + MASK,
                "nan,10,10,0 NaN " + MASK,
                "size,0,10,",
                ",10,10,",
                "ok2,10,12,") + "\r\n");
        List<String> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (SubmissionReader in = SubmissionReader.open(file)) {
            while (true) {
                try {
                    SubmissionRow r = in.next();
                    if (r == null) {
                        break;
                    }
                    ids.add(r.id() + "@" + in.lineNumber());
                } catch (SubmissionFormatException e) {
                    assertEquals(file, e.path());
                    assertEquals(in.lineNumber(), e.line());
                    errors.add(e.getMessage());
                }
            }
        }
        assertEquals(List.of("ok1@2", "ok2@11"), ids);
        assertEquals(7, errors.size(), errors.toString());
        String[] expected = {":3: expected 4", ":4: triple 1: unknown class index 19", ":6: PredictionString has 2 tokens",
            ":7: triple 1: confidence 'high'", ":8: triple 1: confidence NaN", ":9: ImageWidth must be positive",
            ":10: image ID must be non-empty"};
        for (int i = 0; i < expected.length; i++) {
            assertTrue(errors.get(i).startsWith(file + expected[i]), errors.get(i));
        }
    }

    @Test
    void wrongHeaderIsRejected() throws IOException {
        Path file = dir.resolve("h.csv");
        Files.writeString(file, "ID,Label\nx,1\n");
        SubmissionFormatException e = assertThrows(SubmissionFormatException.class, () -> SubmissionReader.open(file));
        assertTrue(e.getMessage().contains(":1: header is 'ID,Label'"), e.getMessage());
        Files.writeString(file, "");
        assertThrows(SubmissionFormatException.class, () -> SubmissionReader.open(file));
    }

    @Test
    void confidencesAreWrittenShortAndPlain() {
        assertEquals("1", SubmissionFormat.formatConfidence(1.0));
        assertEquals("0", SubmissionFormat.formatConfidence(0.0));
        assertEquals("0.1", SubmissionFormat.formatConfidence(0.1));
        assertEquals("0.00001", SubmissionFormat.formatConfidence(1e-5));
        Random rnd = new Random(5);
        for (int i = 0; i < 1000; i++) {
            double c = rnd.nextDouble() * Math.pow(10, -rnd.nextInt(12));
            assertEquals(c, Double.parseDouble(SubmissionFormat.formatConfidence(c)));
        }
    }


    @Test
    void aFolderOrABinaryFileGivenAsASubmissionNamesItself() throws IOException {
        BadInputException folder = assertThrows(BadInputException.class, () -> SubmissionReader.open(dir));
        assertEquals(dir + ": is a folder, expected a submission CSV file", folder.getMessage());
        Path binary = dir.resolve("image.csv");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) 0xff, (byte) 0xfe});
        BadInputException e = assertThrows(BadInputException.class, () -> SubmissionReader.readAll(binary));
        assertEquals(binary + ":1: not UTF-8 text (a binary file?)", e.getMessage());
    }
}
