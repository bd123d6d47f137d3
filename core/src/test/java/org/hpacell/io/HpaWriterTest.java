package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HpaWriterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"8,PNG", "16,PNG", "8,TIFF", "16,TIFF"})
    void writerToReaderRoundTripKeepsValuesAndLabels(int bitDepth, ImageFormat format) throws IOException {
        List<FieldImage> fields = List.of(
                TestFields.random("b_2", 21, 13, bitDepth, 1),
                TestFields.random("a-1", 21, 13, bitDepth, 2),
                TestFields.random("c", 8, 30, bitDepth, 3));
        List<LabelSet> labels = List.of(LabelSet.parse("8|5|0"), LabelSet.EMPTY, LabelSet.of(18));
        try (HpaWriter w = HpaWriter.create(dir, format, bitDepth)) {
            for (int i = 0; i < fields.size(); i++) {
                w.write(fields.get(i), labels.get(i));
            }
            assertFalse(Files.exists(dir.resolve("train.csv")), "train.csv appears only on close");
            assertEquals(3, w.written());
        }
        assertTrue(Files.isRegularFile(dir.resolve("a-1_red." + format.extension())));
        HpaDataset ds = HpaDataset.open(dir, HpaDataset.LabelPolicy.REQUIRED);
        assertEquals(List.of("a-1", "b_2", "c"), ds.ids());
        assertTrue(ds.problems().isEmpty(), ds.problems().toString());
        for (int i = 0; i < fields.size(); i++) {
            FieldImage in = fields.get(i);
            FieldImage out = ds.read(in.id());
            assertEquals(bitDepth, out.bitDepth());
            assertEquals(in.width(), out.width());
            assertEquals(in.height(), out.height());
            for (Channel c : Channel.values()) {
                assertArrayEquals(in.channel(c), out.channel(c), in.id() + " " + c);
            }
            assertEquals(labels.get(i), ds.labels(in.id()).orElseThrow());
        }
    }

    @Test
    void full16BitValuesSurvive() throws IOException {
        float[][] planes = {{65000f, 0f}, {65535f, 1f}, {256f, 255f}, {40000f, 12345f}};
        HpaWriter.writeImages(dir, new FieldImage("x", 2, 1, 16, planes), ImageFormat.PNG, 16);
        FieldImage back = HpaDataset.open(dir).read("x");
        assertEquals(65000f, back.get(Channel.RED, 0, 0));
        assertArrayEquals(planes[3], back.channel(Channel.YELLOW));
    }

    @Test
    void changingTheBitDepthRescales() throws IOException {
        float[][] planes = {{65535f, 0f, 32768f}, {257f, 0f, 0f}, {0f, 0f, 0f}, {0f, 0f, 0f}};
        HpaWriter.writeImages(dir, new FieldImage("x", 3, 1, 16, planes), ImageFormat.PNG, 8);
        FieldImage back = HpaDataset.open(dir).read("x");
        assertEquals(8, back.bitDepth());
        assertArrayEquals(new float[] {255f, 0f, 128f}, back.channel(Channel.RED));
        assertArrayEquals(new float[] {1f, 0f, 0f}, back.channel(Channel.GREEN));
        HpaWriter.writeImages(dir, new FieldImage("y", 3, 1, 8, new float[][] {{255f, 1f, 0f}, planes[2], planes[2],
                planes[2]}), ImageFormat.TIFF, 16);
        assertArrayEquals(new float[] {65535f, 257f, 0f}, HpaDataset.open(dir).read("y").channel(Channel.RED));
    }

    @Test
    void concurrentWritersProduceEveryRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (HpaWriter w = HpaWriter.create(dir, ImageFormat.PNG, 8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                FieldImage f = TestFields.random("f" + i, 9, 7, 8, i);
                LabelSet l = LabelSet.of(i % 19);
                done.add(pool.submit(() -> {
                    w.write(f, l);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        HpaDataset ds = HpaDataset.open(dir, HpaDataset.LabelPolicy.REQUIRED);
        assertEquals(12, ds.size());
        assertEquals(LabelSet.of(7), ds.labels("f7").orElseThrow());
        assertEquals(13, Files.readAllLines(dir.resolve("train.csv")).size());
    }

    @Test
    void rejectsIdsThatCannotBeCsvRowsAndOddDepths() throws IOException {
        try (HpaWriter w = HpaWriter.create(dir, ImageFormat.PNG, 8)) {
            FieldImage bad = TestFields.random("a,b", 2, 2, 8, 1);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> w.write(bad, LabelSet.EMPTY));
            assertTrue(e.getMessage().contains("train.csv") && e.getMessage().contains("a,b"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> HpaWriter.create(dir, ImageFormat.PNG, 12));
    }
}
