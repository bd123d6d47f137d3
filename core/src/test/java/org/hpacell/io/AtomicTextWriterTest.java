package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.atlas.LabelSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicTextWriterTest {
    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commitReplacesTheTargetAndCloseWithoutCommitKeepsTheOldOne() throws IOException {
        Path f = dir.resolve("out.csv");
        Files.writeString(f, "old\n");
        try (AtomicTextWriter w = AtomicTextWriter.open(f)) {
            w.line("a");
            w.line("b");
            assertEquals("old\n", Files.readString(f), "nothing visible before the commit");
            w.commit();
        }
        assertEquals("a\nb\n", Files.readString(f));
        assertThrows(IllegalStateException.class, () -> {
            try (AtomicTextWriter w = AtomicTextWriter.open(f)) {
                w.line("half");
                throw new IllegalStateException("job failed");
            }
        });
        assertEquals("a\nb\n", Files.readString(f));
        assertEquals(List.of("out.csv"), files(), "no temporary file left");
    }

    @Test
    void trainCsvAppearsOnCloseOnlyAndCloseIsIdempotent() throws IOException {
        Path f = dir.resolve("sub/train.csv");
        TrainCsvWriter w = TrainCsvWriter.open(f);
        w.add("b", LabelSet.parse("5|0"));
        w.add("a", LabelSet.EMPTY);
        assertEquals(false, Files.exists(f));
        assertEquals(2, w.rows());
        w.close();
        w.close();
        assertEquals(List.of("ID,Label", "b,0|5", "a,"), Files.readAllLines(f));
        TrainCsv back = TrainCsv.read(f);
        assertEquals(LabelSet.EMPTY, back.rows().get("a").labels());
        assertEquals(2, back.rows().get("b").line());
    }
}
