package org.hpacell.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthDatasetTest {
    private static final int FIELDS = 5;

    @TempDir
    Path tmp;

    private static SynthParams params(int bitDepth) {
        return SynthParams.defaults(77, FIELDS, 96, bitDepth);
    }

    @Test
    void filesAreByteIdenticalWhateverTheThreadCount() throws IOException {
        Path one = tmp.resolve("one"), two = tmp.resolve("two");
        new SynthDataset(params(16)).write(one, 1, Progress.NONE, null, 0);
        new SynthDataset(params(16)).write(two, 2, Progress.NONE, null, 0);
        Map<String, byte[]> a = files(one), b = files(two);
        assertEquals(a.keySet(), b.keySet());
        assertEquals(FIELDS * 6 + 4, a.size(), "4 channels + 2 label images per field, 3 CSVs and synth.json: " + a.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
    }

    @Test
    void regeneratingFromSynthJsonGivesTheSameFiles() throws IOException {
        Path first = tmp.resolve("first"), again = tmp.resolve("again");
        new SynthDataset(params(8)).write(first, 2, Progress.NONE, null, 0);
        SynthParams read = SynthParams.read(first.resolve(SynthDataset.PARAMS_JSON));
        new SynthDataset(read).write(again, 1, Progress.NONE, null, 0);
        Map<String, byte[]> a = files(first), b = files(again);
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
    }

    @Test
    void writtenFilesReadBackThroughTheHpaReaderAndMatchTheTruth() throws IOException {
        Path out = tmp.resolve("ds");
        SynthSummary summary = new SynthDataset(params(16)).write(out, 2, Progress.NONE, null, 0);
        assertEquals(FIELDS, summary.fields());
        FieldGenerator gen = new FieldGenerator(params(16));
        HpaDataset ds = HpaDataset.open(out, HpaDataset.LabelPolicy.REQUIRED);
        assertTrue(ds.problems().isEmpty(), ds.problems().toString());
        assertEquals(FIELDS, ds.size());
        Map<String, SubmissionRow> truth = new TreeMap<>();
        try (SubmissionReader r = SubmissionReader.open(out.resolve(SynthDataset.TRUTH_CSV))) {
            for (SubmissionRow row = r.next(); row != null; row = r.next()) {
                truth.put(row.id(), row);
            }
        }
        List<String> cellRows = Files.readAllLines(out.resolve(SynthDataset.CELLS_CSV));
        assertEquals(SynthDataset.CELLS_HEADER, cellRows.get(0));
        List<String> expectedCellRows = new ArrayList<>();
        for (int i = 0; i < FIELDS; i++) {
            SyntheticField f = gen.generate(i);
            String id = f.id();
            FieldImage read = ds.read(id);
            assertEquals(16, read.bitDepth());
            for (Channel c : Channel.values()) {
                assertArrayEquals(f.image().channel(c), read.channel(c), id + " " + c.suffix());
            }
            assertEquals(f.imageLabels(), ds.labels(id).orElseThrow());
            LabelImage cells = ImageFiles.readLabels(SynthDataset.cellsPath(out, id));
            LabelImage nuclei = ImageFiles.readLabels(SynthDataset.nucleiPath(out, id));
            assertArrayEquals(f.cells().array(), cells.array());
            assertArrayEquals(f.nuclei().array(), nuclei.array());
            // truth.csv: each cell's mask once per class of the cell, confidence 1.
            SubmissionRow row = truth.get(id);
            assertNotNull(row, id);
            Map<Integer, Integer> bitsPerMask = new TreeMap<>();
            for (Prediction p : row.predictions()) {
                assertEquals(1.0, p.confidence());
                BinaryMask m = MaskCodec.decode(p.encodedMask(), row.width(), row.height());
                int cellId = cells.get(m.bounds().x() + firstSetColumn(m), m.bounds().y());
                assertEquals(f.cells().mask(cellId), m, id + " cell " + cellId);
                bitsPerMask.merge(cellId, 1 << p.classIndex(), (x, y) -> x | y);
            }
            for (int id2 = 1; id2 <= f.cellCount(); id2++) {
                assertEquals(f.labelsOf(id2), LabelSet.ofBits(bitsPerMask.getOrDefault(id2, 0)), id + " cell " + id2);
                expectedCellRows.add(id + "," + id2 + "," + f.labelsOf(id2));
            }
        }
        assertEquals(expectedCellRows, cellRows.subList(1, cellRows.size()));
    }

    /** The first set pixel's column offset in the mask's top row. */
    private static int firstSetColumn(BinaryMask m) {
        for (int dx = 0; dx < m.bounds().width(); dx++) {
            if (m.get(m.bounds().x() + dx, m.bounds().y())) return dx;
        }
        throw new AssertionError("empty top row");
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
