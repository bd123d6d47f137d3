package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.io.SubmissionCells;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpacell export geojson} on a synthetic atlas's truth, and its one-line errors. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void atlasTruthBecomesOneFeatureCollectionPerField() throws Exception {
        Path atlas = dir.resolve("atlas");
        CommandRun.expect(ExitCodes.OK, "synth", "--out", atlas.toString(), "--images", "2", "--size", "96", "-q");
        Path out = dir.resolve("geojson");
        String text = CommandRun.expect(ExitCodes.OK, "export", "geojson", "--predictions",
                atlas.resolve("truth.csv").toString(), "--out", out.toString());
        List<SubmissionRow> rows = SubmissionReader.readAll(atlas.resolve("truth.csv"));
        int cells = 0;
        for (SubmissionRow row : rows) {
            JsonNode fc = new ObjectMapper().readTree(out.resolve(row.id() + ".geojson").toFile());
            int n = SubmissionCells.confidences(row).size();
            assertEquals(n, fc.get("features").size(), row.id());
            cells += n;
        }
        assertTrue(text.startsWith("wrote 2 fields, " + cells + " cells (0 below 0.0 left out)"), text);
    }

    @Test
    void aMissingSubmissionIsOneLine() {
        CommandRun r = CommandRun.of("export", "geojson", "--predictions", dir.resolve("none.csv").toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("none.csv"), r.err());
        assertTrue(Files.notExists(dir.resolve("o").resolve("none.geojson")));
    }
}
