package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HpaDatasetTest {
    @TempDir
    Path dir;

    /** Writes fields f0..f(n-1) (16-bit PNG, 12x10) with labels {i % 19}. */
    private void writeFields(int n) throws IOException {
        try (HpaWriter w = HpaWriter.create(dir, ImageFormat.PNG, 16)) {
            for (int i = 0; i < n; i++) {
                w.write(TestFields.random("f" + i, 12, 10, 16, i), LabelSet.of(i % 19));
            }
        }
    }

    private Path file(String id, Channel c) {
        return HpaLayout.channelPath(dir, id, c, ImageFormat.PNG);
    }

    private void writeCsv(String... lines) throws IOException {
        Files.writeString(dir.resolve("train.csv"), String.join("\n", lines) + "\n");
    }

    private static void assertOneProblem(HpaDataset ds, String id, String... parts) {
        List<FieldFailure> mine = ds.problems().stream().filter(p -> p.fieldId().equals(id)).toList();
        assertEquals(1, mine.size(), ds.problems().toString());
        for (String part : parts) {
            assertTrue(mine.get(0).message().contains(part), "'" + part + "' not in: " + mine.get(0).message());
        }
        assertTrue(!ds.ids().contains(id), id + " must be left out");
    }

    private static BadInputException assertReadFails(HpaDataset ds, String id, Path file, String problem) {
        BadInputException e = assertThrows(BadInputException.class, () -> ds.read(id));
        assertEquals(file, e.path());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        return e;
    }

    @Test
    void opensWithoutReadingImagesAndListsSortedIds() throws IOException {
        writeFields(3);
        Files.writeString(dir.resolve("notes.txt"), "not a channel file");
        Files.writeString(file("f1", Channel.GREEN), "garbage, but open() does not look inside");
        HpaDataset ds = HpaDataset.open(dir);
        assertEquals(List.of("f0", "f1", "f2"), ds.ids());
        assertTrue(ds.problems().isEmpty());
        assertTrue(ds.hasLabels());
        assertEquals(Optional.of(LabelSet.of(2)), ds.labels("f2"));
        assertEquals(file("f0", Channel.BLUE), ds.channelPath("f0", Channel.BLUE));
        assertReadFails(ds, "f1", file("f1", Channel.GREEN), "not an image");
    }

    @Test
    void iterationReadsOneFieldAtATime() throws IOException {
        writeFields(3);
        HpaDataset ds = HpaDataset.open(dir);
        FieldFailures failures = ds.newFailures();
        Iterator<FieldImage> it = ds.fields(failures).iterator();
        assertEquals("f0", it.next().id());
        // f2 is read only when the iteration reaches it: breaking it now must show up then.
        Files.delete(file("f2", Channel.YELLOW));
        assertEquals("f1", it.next().id());
        assertTrue(failures.isEmpty());
        assertTrue(!it.hasNext());
        assertEquals(1, failures.size());
        assertEquals("f2", failures.list().get(0).fieldId());
        assertTrue(failures.list().get(0).message().contains(file("f2", Channel.YELLOW) + ": no such file"));
    }

    @Test
    void missingChannelFileIsReportedWithItsName() throws IOException {
        writeFields(2);
        Files.delete(file("f1", Channel.BLUE));
        HpaDataset ds = HpaDataset.open(dir);
        assertEquals(List.of("f0"), ds.ids());
        assertOneProblem(ds, "f1", file("f1", Channel.BLUE).toString(), "missing channel file");
    }

    @Test
    void secondFileForAChannelIsReported() throws IOException {
        writeFields(2);
        Files.copy(file("f0", Channel.RED), dir.resolve("f0_red.tif"));
        HpaDataset ds = HpaDataset.open(dir);
        assertOneProblem(ds, "f0", "f0_red", "second file for channel red");
        assertEquals(List.of("f1"), ds.ids());
    }

    @Test
    void channelsOfDifferentSizeOrDepthAreRejected() throws IOException {
        writeFields(3);
        ImageFiles.writeGray(file("f0", Channel.GREEN), new GrayImage(12, 11, 16, new int[12 * 11]));
        ImageFiles.writeGray(file("f1", Channel.YELLOW), new GrayImage(12, 10, 8, new int[12 * 10]));
        HpaDataset ds = HpaDataset.open(dir);
        assertReadFails(ds, "f0", file("f0", Channel.GREEN), "is 12x11 but f0_red.png is 12x10");
        assertReadFails(ds, "f1", file("f1", Channel.YELLOW), "is 8-bit but f0_red.png".replace("f0", "f1"));
        assertEquals(16, ds.read("f2").bitDepth());
    }

    @Test
    void truncatedNonImageAndPackedChannelsAreRejected() throws IOException {
        writeFields(3);
        byte[] bytes = Files.readAllBytes(file("f0", Channel.YELLOW));
        Files.write(file("f0", Channel.YELLOW), Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(file("f1", Channel.RED), "ID,Label\n");
        java.awt.image.BufferedImage bin = new java.awt.image.BufferedImage(12, 10,
                java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        javax.imageio.ImageIO.write(bin, "png", file("f2", Channel.BLUE).toFile());
        HpaDataset ds = HpaDataset.open(dir);
        assertReadFails(ds, "f0", file("f0", Channel.YELLOW), "truncated or corrupt");
        assertReadFails(ds, "f1", file("f1", Channel.RED), "not an image");
        assertReadFails(ds, "f2", file("f2", Channel.BLUE), "is 1-bit; HPA channels must be 8- or 16-bit");
    }

    @Test
    void badRowsOfTrainCsvNameFileAndLine() throws IOException {
        writeFields(6);
        writeCsv("ID,Label", "f0,0|19", "f1,1,2", "f2,8|x", "f3,3", "", "f3,4", ",5", "f5,5");
        Path csv = dir.resolve("train.csv");
        HpaDataset ds = HpaDataset.open(dir, HpaDataset.LabelPolicy.REQUIRED);
        assertOneProblem(ds, "f0", csv + ":2: ", "unknown class index 19");
        assertOneProblem(ds, "f1", csv + ":3: ", "expected 2 columns (ID,Label), found 3");
        assertOneProblem(ds, "f2", csv + ":4: ", "'x'", "not a class index");
        assertOneProblem(ds, "f3", csv + ":7: ", "second row for ID f3 (first on line 5)");
        assertOneProblem(ds, "", csv + ":8: ", "empty ID");
        assertOneProblem(ds, "f4", file("f4", Channel.RED).toString(), "no row in " + csv);
        assertEquals(List.of("f5"), ds.ids());
        assertEquals(LabelSet.of(5), ds.labels("f5").orElseThrow());
    }

    @Test
    void idInTrainCsvWithoutImagesIsReported() throws IOException {
        writeFields(1);
        writeCsv("ID,Label", "f0,1", "ghost,2|3");
        HpaDataset ds = HpaDataset.open(dir);
        assertOneProblem(ds, "ghost", dir.resolve("train.csv") + ":3: ", "ID ghost has no image files in " + dir);
        assertEquals(List.of("f0"), ds.ids());
    }

    @Test
    void labelsOptionalOrRequired() throws IOException {
        writeFields(2);
        writeCsv("ID,Label", "f0,1");
        HpaDataset optional = HpaDataset.open(dir);
        assertEquals(List.of("f0", "f1"), optional.ids());
        assertEquals(Optional.empty(), optional.labels("f1"));
        Files.delete(dir.resolve("train.csv"));
        HpaDataset unlabelled = HpaDataset.open(dir);
        assertTrue(!unlabelled.hasLabels());
        assertEquals(2, unlabelled.size());
        BadInputException e = assertThrows(BadInputException.class,
                () -> HpaDataset.open(dir, HpaDataset.LabelPolicy.REQUIRED));
        assertEquals(dir.resolve("train.csv"), e.path());
        assertTrue(e.getMessage().contains("labels are required"), e.getMessage());
    }

    @Test
    void wrongHeaderOrMissingFolderStopsOpening() throws IOException {
        writeFields(1);
        writeCsv("Id,Target", "f0,1");
        BadInputException e = assertThrows(BadInputException.class, () -> HpaDataset.open(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("train.csv") + ":1: expected the header 'ID,Label'"),
                e.getMessage());
        assertEquals(1, e.line());
        Path none = dir.resolve("nowhere");
        BadInputException missing = assertThrows(BadInputException.class, () -> HpaDataset.open(none));
        assertEquals(none + ": no such folder", missing.getMessage());
    }

    /** Five fields, two bad (one found on opening, one on reading): both ways of reading go on past them. */
    @Test
    void batchGoesOnPastBadFieldsSeriallyAndInParallel() throws Exception {
        writeFields(5);
        Files.delete(file("f1", Channel.RED));
        Files.writeString(file("f3", Channel.GREEN), "not a png");
        HpaDataset ds = HpaDataset.open(dir);

        FieldFailures serial = ds.newFailures();
        List<String> read = new ArrayList<>();
        for (FieldImage f : ds.fields(serial)) {
            read.add(f.id());
        }
        assertEquals(List.of("f0", "f2", "f4"), read);
        assertEquals(List.of("f1", "f3"), serial.list().stream().map(FieldFailure::fieldId).toList());

        FieldFailures parallel = ds.newFailures();
        ConcurrentSkipListSet<String> good = new ConcurrentSkipListSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (String id : ds.ids()) {
            pool.submit(() -> ds.tryRead(id, parallel).ifPresent(f -> good.add(f.id())));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(List.copyOf(good), read);
        assertEquals(serial.list(), parallel.list());
        assertTrue(parallel.list().get(1).message().startsWith(file("f3", Channel.GREEN) + ": "));
    }

    @Test
    void anEmptyFolderOrOneWithoutUsableFieldsIsAnErrorNamingIt() throws IOException {
        BadInputException empty = assertThrows(BadInputException.class, () -> HpaDataset.open(dir).requireFields());
        assertTrue(empty.getMessage().startsWith(dir + ": no fields (expected ID_red.png"), empty.getMessage());

        writeFields(2);
        writeCsv("ID,Label"); // a header-only train.csv: no field is labelled
        HpaDataset ds = HpaDataset.open(dir, HpaDataset.LabelPolicy.REQUIRED);
        BadInputException none = assertThrows(BadInputException.class, ds::requireFields);
        assertTrue(none.getMessage().startsWith(dir + ": no usable fields: all 2 left out, the first because f0: "),
                none.getMessage());
        assertTrue(none.getMessage().contains("has no row in " + dir.resolve("train.csv")), none.getMessage());
        assertEquals(2, HpaDataset.open(dir).requireFields().size(), "labels optional: both fields are usable");
    }
}
