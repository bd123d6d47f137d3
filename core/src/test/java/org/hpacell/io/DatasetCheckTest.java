package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCheckTest {
    @TempDir
    Path dir;

    @Test
    void summarisesGoodFieldsCountsClassesAndCollectsEveryFailure() throws Exception {
        try (HpaWriter w = HpaWriter.create(dir, ImageFormat.TIFF, 8)) {
            w.write(TestFields.random("a", 5, 4, 8, 1), LabelSet.parse("0|16"));
            w.write(TestFields.random("b", 7, 3, 8, 2), LabelSet.of(16));
            w.write(TestFields.random("c", 5, 4, 8, 3), LabelSet.of(2));
            w.write(TestFields.random("d", 5, 4, 8, 4), LabelSet.of(2));
        }
        Files.write(HpaLayout.channelPath(dir, "c", Channel.BLUE, ImageFormat.TIFF), new byte[] {1, 2, 3});
        Files.delete(HpaLayout.channelPath(dir, "d", Channel.RED, ImageFormat.TIFF));
        FieldTasksTest.Counter counting = new FieldTasksTest.Counter();
        DatasetCheck.Result r = DatasetCheck.run(HpaDataset.open(dir), 2, counting);
        assertEquals(List.of("a", "b"), r.fields().stream().map(DatasetCheck.FieldSummary::id).toList());
        assertEquals(new DatasetCheck.FieldSummary("b", 7, 3, 8, java.util.Optional.of(LabelSet.of(16))),
                r.fields().get(1));
        assertEquals(List.of("c", "d"), r.failures().stream().map(FieldFailure::fieldId).toList());
        int[] expected = new int[19];
        expected[0] = 1;
        expected[16] = 2;
        assertArrayEquals(expected, r.labelCounts());
        assertEquals(3, counting.steps.get(), "one step per field opened as usable");
    }
}
