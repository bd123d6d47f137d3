package org.hpacell.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpacell.atlas.ClassColours;
import org.hpacell.atlas.Location;
import org.hpacell.image.BinaryMask;
import org.hpacell.image.LabelImage;
import org.hpacell.io.BadInputException;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.SubmissionCells;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.io.SubmissionWriter;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submissions and atlas truth exported as QuPath GeoJSON, read back and rasterised. */
class GeoJsonExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * A 12 x 9 field: cell 1 a ring with a hole touching the top-left border, cell 2 a block touching the
     * right and bottom borders, cell 3 two pieces joined only at a corner.
     */
    static LabelImage field() {
        String[] rows = {
                "111112......",
                "1...12....33",
                "1...12...3..",
                "11111.......",
                "............",
                "......222222",
                "......222222",
                "........2222",
                "........2222"};
        int w = rows[0].length();
        int[] labels = new int[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                labels[y * w + x] = c == '.' ? 0 : c - '0';
            }
        }
        // the 2 in rows 0-2 is a second piece of cell 2 on the top border
        return new LabelImage(w, rows.length, labels);
    }

    /** Writes the field's submission: per cell a distinct, deterministic set of 19 confidences. */
    private Path submission(String name) throws IOException {
        Path csv = tmp.resolve(name);
        try (SubmissionWriter w = SubmissionWriter.open(csv)) {
            w.writeCells("field-a", field(), id -> {
                double[] s = new double[Location.COUNT];
                for (int k = 0; k < s.length; k++) {
                    s[k] = ((k * 7 + id * 5) % 19) / (20.0 + 5 * id);
                }
                return s;
            });
            w.commit();
        }
        return csv;
    }

    @Test
    void everyCellRasterisesBackToItsMask() throws IOException {
        Path csv = submission("sub.csv");
        GeoJsonExport.Summary s = GeoJsonExport.export(csv, tmp.resolve("out"), 0);
        assertEquals(new GeoJsonExport.Summary(1, 3, 0), s);
        SubmissionRow row = SubmissionReader.readAll(csv).get(0);
        List<String> masks = new ArrayList<>(SubmissionCells.confidences(row).keySet());
        JsonNode fc = JSON.readTree(tmp.resolve("out/field-a.geojson").toFile());
        assertEquals("FeatureCollection", fc.get("type").asText());
        JsonNode features = fc.get("features");
        assertEquals(3, features.size());
        List<String> types = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            types.add(f.at("/geometry/type").asText());
            BinaryMask mask = MaskCodec.decode(masks.get(i), row.width(), row.height());
            boolean[] drawn = rasterise(f.get("geometry"), row.width(), row.height());
            double iou = iou(mask.toRowMajor(), drawn);
            assertTrue(iou >= 0.99, "cell " + (i + 1) + " IoU " + iou);
            assertEquals(1.0, iou, "pixel-corner polygons are exact");
        }
        assertEquals(List.of("Polygon", "MultiPolygon", "MultiPolygon"), types);
        assertEquals(2, features.get(0).at("/geometry/coordinates").size(), "cell 1: a shell and its hole");
    }

    @Test
    void propertiesFollowQuPath() throws IOException {
        Path csv = submission("sub.csv");
        GeoJsonExport.export(csv, tmp.resolve("out"), 0);
        SubmissionRow row = SubmissionReader.readAll(csv).get(0);
        List<double[]> confidences = new ArrayList<>(SubmissionCells.confidences(row).values());
        JsonNode features = JSON.readTree(tmp.resolve("out/field-a.geojson").toFile()).get("features");
        for (int i = 0; i < features.size(); i++) {
            JsonNode p = features.get(i).get("properties");
            assertEquals("cell", p.get("objectType").asText());
            Location top = SubmissionCells.top(confidences.get(i));
            assertEquals(top.displayName(), p.at("/classification/name").asText());
            int[] rgb = ClassColours.rgb(top);
            JsonNode color = p.at("/classification/color");
            assertEquals(3, color.size());
            for (int k = 0; k < 3; k++) {
                assertEquals(rgb[k], color.get(k).asInt());
            }
            JsonNode m = p.get("measurements");
            assertEquals(Location.COUNT, m.size());
            for (Location l : Location.all()) {
                assertEquals(confidences.get(i)[l.index()], m.get(l.displayName()).asDouble(), 1e-12);
            }
        }
        assertFalse(features.get(0).get("id").asText().equals(features.get(1).get("id").asText()));
    }

    @Test
    void minConfidenceLeavesOutUnsureCells() throws IOException {
        Path csv = submission("sub.csv");
        SubmissionRow row = SubmissionReader.readAll(csv).get(0);
        double[] tops = SubmissionCells.confidences(row).values().stream()
                .mapToDouble(c -> c[SubmissionCells.top(c).index()]).sorted().toArray();
        double between = (tops[0] + tops[1]) / 2;
        assertTrue(tops[0] < tops[1], Arrays.toString(tops));
        GeoJsonExport.Summary s = GeoJsonExport.export(csv, tmp.resolve("out"), between);
        assertEquals(new GeoJsonExport.Summary(1, 2, 1), s);
        assertEquals(2, JSON.readTree(tmp.resolve("out/field-a.geojson").toFile()).get("features").size());
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        Path csv = submission("golden.csv");
        GeoJsonExport.export(csv, tmp.resolve("out"), 0);
        String actual = Files.readString(tmp.resolve("out/field-a.geojson"));
        try (InputStream in = GeoJsonExportTest.class.getResourceAsStream("golden-field-a.geojson")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
        }
    }

    @Test
    void atlasTruthGivesOneFeaturePerCellWithItsLabels() throws IOException {
        Path atlas = tmp.resolve("atlas");
        new SynthDataset(SynthParams.defaults(5, 2, 96, 8)).write(atlas, 1, Progress.NONE, null, 0);
        Path truth = atlas.resolve(SynthDataset.TRUTH_CSV);
        GeoJsonExport.Summary s = GeoJsonExport.export(truth, tmp.resolve("truth"), 0.5);
        Map<String, List<String>> labels = cellLabels(atlas);
        assertEquals(2, s.fields());
        assertEquals(labels.size(), s.cells());
        for (SubmissionRow row : SubmissionReader.readAll(truth)) {
            JsonNode features = JSON.readTree(tmp.resolve("truth/" + row.id() + ".geojson").toFile()).get("features");
            List<double[]> cells = new ArrayList<>(SubmissionCells.confidences(row).values());
            assertEquals(cells.size(), features.size());
            for (int i = 0; i < features.size(); i++) {
                JsonNode m = features.get(i).at("/properties/measurements");
                List<String> ones = new ArrayList<>();
                for (Location l : Location.all()) {
                    double v = m.get(l.displayName()).asDouble();
                    assertTrue(v == 0 || v == 1, l + " " + v);
                    if (v == 1) {
                        ones.add(l.displayName());
                    }
                }
                assertTrue(ones.contains(features.get(i).at("/properties/classification/name").asText()));
                assertTrue(labels.containsValue(ones), row.id() + " cell " + (i + 1) + " labels " + ones);
            }
        }
    }

    @Test
    void aBadMaskNamesTheFileAndLine() throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, SubmissionRow.CSV_HEADER + "\nf1,4,4,0 1 bm90IHpsaWI=\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> GeoJsonExport.export(csv, tmp.resolve("out"), 0));
        assertTrue(e.getMessage().startsWith(csv + ":2: field f1, cell 1: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void folderBesideASubmissionIsNamedAfterIt() {
        assertEquals(Path.of("/r/submission-geojson"), GeoJsonExport.besideSubmission(Path.of("/r/submission.csv")));
    }

    /** cells.csv as "ID/CellId" -> label names in class order. */
    private static Map<String, List<String>> cellLabels(Path atlas) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(atlas.resolve(SynthDataset.CELLS_CSV));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            List<String> names = new ArrayList<>();
            Arrays.stream(f[2].split("\\|")).mapToInt(Integer::parseInt).sorted()
                    .forEach(k -> names.add(Location.of(k).displayName()));
            out.put(f[0] + "/" + f[1], names);
        }
        return out;
    }

    /** Pixels whose centres the geometry covers (even-odd over all rings), drawn by the JDK from the JSON alone. */
    static boolean[] rasterise(JsonNode geometry, int w, int h) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        JsonNode c = geometry.get("coordinates");
        List<JsonNode> polygons = new ArrayList<>();
        if (geometry.get("type").asText().equals("Polygon")) {
            polygons.add(c);
        } else {
            c.forEach(polygons::add);
        }
        for (JsonNode polygon : polygons) {
            for (JsonNode ring : polygon) {
                assertEquals(ring.get(0), ring.get(ring.size() - 1), "a closed ring");
                path.moveTo(ring.get(0).get(0).asDouble(), ring.get(0).get(1).asDouble());
                for (int i = 1; i < ring.size(); i++) {
                    path.lineTo(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
                }
                path.closePath();
            }
        }
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = path.contains(x + 0.5, y + 0.5);
            }
        }
        return out;
    }

    private static double iou(boolean[] a, boolean[] b) {
        int inter = 0;
        int union = 0;
        for (int i = 0; i < a.length; i++) {
            inter += a[i] && b[i] ? 1 : 0;
            union += a[i] || b[i] ? 1 : 0;
        }
        return union == 0 ? 1 : (double) inter / union;
    }
}
