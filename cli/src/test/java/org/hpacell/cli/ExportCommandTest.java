package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.hpacell.io.SubmissionCells;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpacell export geojson} on a synthetic atlas's truth, {@code export model} of a tiny run, one-line errors. */
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

    @Test
    void aTrainedRunBecomesABioimagePackage() throws Exception {
        Path atlas = dir.resolve("atlas");
        CommandRun.expect(ExitCodes.OK, "synth", "--out", atlas.toString(), "--images", "6", "--size", "64", "-q");
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {"model": "small", "epochs": 1, "batchSize": 4, "imageSize": 32, "validationFraction": 0.2}""");
        Path run = dir.resolve("run");
        CommandRun.expect(ExitCodes.OK, "train", "--config", config.toString(), "--data", atlas.toString(),
                "--out", run.toString(), "--threads", "1", "--quiet");
        Path zip = dir.resolve("model.zip");
        String text = CommandRun.expect(ExitCodes.OK, "export", "model", "--run", run.toString(), "--out",
                zip.toString(), "--author", "A. Author,B. Author", "--cells");
        assertTrue(text.startsWith("wrote " + zip), text);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            JsonNode rdf = new YAMLMapper().readTree(z.getInputStream(z.getEntry("rdf.yaml")));
            assertEquals("hpacell run", rdf.path("name").asText());
            assertEquals(List.of("A. Author", "B. Author"), rdf.path("authors").findValuesAsText("name"));
            assertTrue(rdf.path("description").asText().contains("stage-2 cell classifier"), rdf.toString());
            assertEquals("CC-BY-4.0", rdf.path("license").asText());
        }
    }

    @Test
    void aFolderThatIsNotARunIsOneLine() {
        CommandRun r = CommandRun.of("export", "model", "--run", dir.toString(), "--out",
                dir.resolve("m.zip").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(dir + ": not a training run"), r.err());
        assertTrue(Files.notExists(dir.resolve("m.zip")));
    }
}
