package org.hpacell.pseudo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellLabelsCsvTest {
    @TempDir
    Path dir;

    private static Grade[] row(Grade g, int k) {
        Grade[] r = new Grade[19];
        Arrays.fill(r, Grade.NONE);
        r[k] = g;
        return r;
    }

    @Test
    void roundTripKeepsFieldsCellsAndGrades() throws IOException {
        CellPseudoLabels a = new CellPseudoLabels("a", new int[] {1, 3},
                new Grade[][] {row(Grade.FULL, 0), row(Grade.STRONG, 18)});
        CellPseudoLabels b = new CellPseudoLabels("b", new int[] {2}, new Grade[][] {row(Grade.WEAK, 7)});
        Path f = dir.resolve("cells.csv");
        CellLabelsCsv.write(f, List.of(a, b));
        List<String> lines = Files.readAllLines(f);
        assertEquals("ID,cell,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18", lines.get(0));
        assertEquals("a,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", lines.get(1));
        Map<String, CellPseudoLabels> back = CellLabelsCsv.read(f);
        assertEquals(List.of("a", "b"), List.copyOf(back.keySet()));
        assertEquals(Grade.STRONG, back.get("a").grade(1, 18));
        assertEquals(3, back.get("a").cellId(1));
        assertEquals(Grade.WEAK, back.get("b").grade(0, 7));
        assertEquals(Grade.MEDIUM, Grade.ofValue(0.5f));
    }

    @Test
    void malformedRowsAreReportedWithFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, CellLabelsCsv.header() + "\na,1" + ",0".repeat(18) + ",0.3\n");
        IOException e = assertThrows(IOException.class, () -> CellLabelsCsv.read(f));
        assertTrue(e.getMessage().contains("bad.csv: line 2") && e.getMessage().contains("0.3"), e.getMessage());

        Files.writeString(f, CellLabelsCsv.header() + "\na,1" + ",0".repeat(18) + "\n");
        e = assertThrows(IOException.class, () -> CellLabelsCsv.read(f));
        assertTrue(e.getMessage().contains("line 2: expected 21 columns"), e.getMessage());

        String ok = ",0".repeat(19) + "\n";
        Files.writeString(f, CellLabelsCsv.header() + "\na,1" + ok + "b,1" + ok + "a,2" + ok);
        e = assertThrows(IOException.class, () -> CellLabelsCsv.read(f));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("not contiguous"), e.getMessage());

        Files.writeString(f, "id,cell\n");
        e = assertThrows(IOException.class, () -> CellLabelsCsv.read(f));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
