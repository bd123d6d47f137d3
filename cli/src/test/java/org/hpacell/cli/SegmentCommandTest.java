package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.ImageFormat;
import org.hpacell.io.OmeTiffWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
    /** HPA-Cell-Segmentation's reference outputs, kept in core's test resources (see fixtures/README.md there). */
    private static final Path FIXTURES = Path.of("..", "core", "src", "test", "resources", "fixtures", "hpa-postprocess");

    /** A fixture file; a missing one fails the test that needs it. */
    private static Path fixture(String file) {
        Path p = FIXTURES.resolve(file);
        assertTrue(Files.isRegularFile(p), "test fixture missing: " + p.toAbsolutePath().normalize());
        return p;
    }

    @TempDir
    Path dir;

    @Test
    void postprocessesNetworkOutputsLikeHpaCellSegmentation() throws IOException {
        Path out = dir.resolve("out");
        CommandRun r = CommandRun.of("segment", "--nuclei-pred", fixture("case_01_nuclei_pred.png").toString(),
                "--cell-pred", fixture("case_01_cell_pred.png").toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertSame(fixture("case_01_cell_labels.png"), out.resolve("cells.png"));
        assertSame(fixture("case_01_cellnuclei_labels.png"), out.resolve("nuclei.png"));
        assertSame(fixture("case_01_nuclei_labels.png"), out.resolve("nuclei_only.png"));
        try (var files = Files.list(out)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void quarterScaleWritesFullSizeLabels() throws IOException {
        Path out = dir.resolve("q");
        CommandRun r = CommandRun.of("segment", "--nuclei-pred", fixture("case_01_nuclei_pred.png").toString(),
                "--cell-pred", fixture("case_01_cell_pred.png").toString(), "--out", out.toString(),
                "--scale-quarter");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        LabelImage cells = ImageFiles.readLabels(out.resolve("cells.png"));
        assertEquals(512, cells.width());
        assertFalse(cells.objects().isEmpty());
    }

    @Test
    void missingPredictionIsBadInputNamingTheFile() {
        Path missing = dir.resolve("nope.png");
        CommandRun r = CommandRun.of("segment", "--nuclei-pred", missing.toString(),
                "--cell-pred", fixture("case_01_cell_pred.png").toString(), "--out", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("nope.png"), r.err());
    }

    @Test
    void segmentsADatasetSkippingAndReportingBadFields() throws IOException {
        Path data = dir.resolve("data");
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            for (int f = 0; f < 2; f++) {
                w.write(field("good" + f, 90 + 20 * f), LabelSet.of(0));
            }
            w.write(field("broken", 100), LabelSet.of(0));
        }
        Files.writeString(data.resolve("broken_blue.png"), "not a png");
        Path out = dir.resolve("seg");
        CommandRun r = CommandRun.of("segment", "--data", data.toString(), "--out", out.toString(), "--threads", "2",
                "--quiet");
        assertEquals(ExitCodes.PARTIAL, r.exitCode(), r.err());
        assertTrue(r.out().contains("2 field(s) segmented"), r.out());
        assertTrue(r.out().contains("broken"), r.out());
        for (int f = 0; f < 2; f++) {
            LabelImage cells = ImageFiles.readLabels(out.resolve("cells/good" + f + ".png"));
            LabelImage nuclei = ImageFiles.readLabels(out.resolve("nuclei/good" + f + ".png"));
            assertEquals(1, cells.objects().size());
            assertEquals(1, nuclei.objects().size());
        }
        assertFalse(Files.exists(out.resolve("cells/broken.png")));

        // an output folder that cannot be written is one error naming it, before any field is segmented
        Path blocked = data.resolve("broken_blue.png").resolve("seg");
        r = CommandRun.of("segment", "--data", data.toString(), "--out", blocked.toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("hpacell: error: " + blocked + ": cannot write in this folder: "), r.err());
        assertFalse(r.out().contains("failed"), r.out());
    }

    @Test
    void omeTiffFieldsSegmentExactlyAsTheirPngChannels() throws IOException {
        Path png = dir.resolve("png");
        CommandRun.expect(ExitCodes.OK, "synth", "--out", png.toString(), "--images", "3", "--size", "128",
                "--bit-depth", "16", "-q");
        Path ome = dir.resolve("ome");
        Path plain = dir.resolve("plain");
        List<Channel> pages = List.of(Channel.YELLOW, Channel.BLUE, Channel.GREEN, Channel.RED);
        HpaDataset ds = HpaDataset.open(png);
        for (String id : ds.ids()) {
            OmeTiffWriter.write(ome.resolve(id + ".ome.tiff"), ds.read(id), pages,
                    List.of("ER", "Hoechst", "protein", "microtubules"));
            OmeTiffWriter.write(plain.resolve(id + ".tif"), ds.read(id), pages, null);
        }
        String[][] runs = {{png.toString()}, {ome.toString()}, {plain.toString(), "--channels", "er,dapi,green,red"}};
        for (String[] run : runs) {
            List<String> args = new ArrayList<>(List.of("segment", "--data", run[0],
                    "--out", run[0] + "-seg", "--threads", "2", "-q"));
            args.addAll(Arrays.asList(run).subList(1, run.length));
            CommandRun.expect(ExitCodes.OK, args.toArray(String[]::new));
        }
        for (String id : ds.ids()) {
            for (String kind : new String[] {"cells", "nuclei"}) {
                byte[] want = Files.readAllBytes(Path.of(png + "-seg", kind, id + ".png"));
                assertTrue(ImageFiles.readLabels(Path.of(png + "-seg", kind, id + ".png")).objects().size() > 0);
                assertArrayEquals(want, Files.readAllBytes(Path.of(ome + "-seg", kind, id + ".png")), kind + " " + id);
                assertArrayEquals(want, Files.readAllBytes(Path.of(plain + "-seg", kind, id + ".png")), kind + " " + id);
            }
        }
        // without --channels the plain files would be read red, green, blue, yellow: a different segmentation
        CommandRun r = CommandRun.of("segment", "--data", plain.toString(), "--out", dir.resolve("x").toString(),
                "--channels", "red,green,blue", "-q");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("hpacell: error:")).count(), r.err());
    }

    /**
     * Tiny TorchScript stand-ins for HPA's networks (ml's test resources, made by
     * make_tiny_hpa_models.py): 1x1 convolutions calling bright pixels foreground.
     */
    private static final Path TINY = Path.of("..", "ml", "src", "test", "resources", "hpamodels");

    @Test
    void segmentsADatasetWithHpaModelsAsTheApiDoes() throws Exception {
        Path nucleiModel = TINY.resolve("tiny-threshold-nuclei.pt");
        Path cellModel = TINY.resolve("tiny-threshold-cell.pt");
        FieldImage field = disc("f0", 256);
        Path data = dir.resolve("data");
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            w.write(field, LabelSet.of(0));
        }
        Path out = dir.resolve("seg");
        CommandRun r = CommandRun.of("segment", "--images", data.toString(), "--out", out.toString(), "--method", "hpa",
                "--nuclei-model", nucleiModel.toString(), "--cell-model", cellModel.toString(), "--scale-quarter",
                "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 field(s) segmented (hpa)"), r.out());
        org.hpacell.segment.Segmentation expected;
        try (org.hpacell.segment.NetworkSegmenter s = new org.hpacell.segment.NetworkSegmenter(
                org.hpacell.nn.hpa.HpaModelNetworks.open(nucleiModel, cellModel,
                        org.hpacell.nn.hpa.HpaModelOptions.DEFAULTS),
                org.hpacell.segment.HpaPostprocess.quarter())) {
            expected = s.segment(field);
        }
        LabelImage cells = ImageFiles.readLabels(out.resolve("cells/f0.png"));
        assertEquals(1, cells.objects().size());
        assertArrayEquals(expected.cells().array(), cells.array());
        assertArrayEquals(expected.nuclei().array(), ImageFiles.readLabels(out.resolve("nuclei/f0.png")).array());
    }

    @Test
    void bioimageIoPackagesOfHpaModelsSegmentAsTheirTorchScriptFiles() throws Exception {
        Path nucleiModel = TINY.resolve("tiny-threshold-nuclei.pt");
        Path cellModel = TINY.resolve("tiny-threshold-cell.pt");
        Path data = dir.resolve("data");
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            w.write(disc("f0", 256), LabelSet.of(0));
        }
        // the nucleus network as a package folder, the cell network as a package zip
        Path nucleiPackage = Files.createDirectories(dir.resolve("nuclei-package"));
        Files.copy(nucleiModel, nucleiPackage.resolve("weights.pt"));
        Files.writeString(nucleiPackage.resolve("rdf.yaml"), "type: model\nformat_version: 0.5.3\n"
                + "weights:\n  torchscript:\n    source: weights.pt\n");
        Path cellPackage = dir.resolve("cell-package.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(cellPackage))) {
            z.putNextEntry(new java.util.zip.ZipEntry("rdf.yaml"));
            z.write("type: model\nweights:\n  torchscript:\n    source: cell.pt\n".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            z.putNextEntry(new java.util.zip.ZipEntry("cell.pt"));
            z.write(Files.readAllBytes(cellModel));
        }
        String[][] models = {{nucleiModel.toString(), cellModel.toString()},
            {nucleiPackage.toString(), cellPackage.toString()}};
        for (int k = 0; k < models.length; k++) {
            CommandRun.expect(ExitCodes.OK, "segment", "--data", data.toString(), "--out", dir.resolve("seg" + k).toString(),
                    "--segmenter", "hpa", "--nuclei-model", models[k][0], "--cell-model", models[k][1], "--quiet");
        }
        for (String kind : new String[] {"cells", "nuclei"}) {
            assertEquals(1, ImageFiles.readLabels(dir.resolve("seg0/" + kind + "/f0.png")).objects().size());
            assertArrayEquals(Files.readAllBytes(dir.resolve("seg0/" + kind + "/f0.png")),
                    Files.readAllBytes(dir.resolve("seg1/" + kind + "/f0.png")), kind);
        }
    }

    @Test
    void hpaMethodNamesTheMissingModel() {
        CommandRun r = CommandRun.of("segment", "--images", dir.toString(), "--out", dir.resolve("o").toString(),
                "--method", "hpa", "--nuclei-model", TINY.resolve("tiny-threshold-nuclei.pt").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("--segmenter hpa needs --nuclei-model and --cell-model"), r.err());
    }

    /** A disc cell (red/yellow, radius size * 5/16) around a disc nucleus (blue, radius size / 7), 8-bit. */
    private static FieldImage disc(String id, int size) {
        float[][] ch = new float[Channel.COUNT][size * size];
        for (int i = 0; i < size * size; i++) {
            double d = Math.hypot(i % size - size / 2.0, i / size - size / 2.0);
            ch[Channel.BLUE.ordinal()][i] = d < size / 7.0 ? 220 : 0;
            ch[Channel.RED.ordinal()][i] = d < size * 5 / 16.0 ? 120 : 0;
            ch[Channel.YELLOW.ordinal()][i] = d < size * 5 / 16.0 ? 120 : 0;
        }
        return new FieldImage(id, size, size, 8, ch);
    }

    /** One round cell (red/yellow) with a nucleus (blue), 128x128, 8-bit. */
    private static FieldImage field(String id, int cellBrightness) {
        int s = 128;
        float[][] ch = new float[Channel.COUNT][s * s];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                double d = Math.hypot(x - 64, y - 64);
                int i = y * s + x;
                ch[Channel.BLUE.ordinal()][i] = d < 18 ? 220 : 0;
                ch[Channel.RED.ordinal()][i] = d < 40 ? cellBrightness : 0;
                ch[Channel.YELLOW.ordinal()][i] = d < 40 ? cellBrightness : 0;
            }
        }
        return new FieldImage(id, s, s, 8, ch);
    }

    private static void assertSame(Path expected, Path actual) throws IOException {
        assertTrue(ImageFiles.readLabels(expected).equalsUpToRenumbering(ImageFiles.readLabels(actual)),
                actual + " differs from " + expected);
    }
}
