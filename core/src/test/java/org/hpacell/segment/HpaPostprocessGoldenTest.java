package org.hpacell.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hpacell.image.LabelImage;
import org.hpacell.testing.TestResources;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the test resource {@code fixtures/hpa-postprocess} (a copy of the shared
 * {@code reference/fixtures/hpa-postprocess}): label_nuclei and label_cell of HPA-Cell-Segmentation 0.1.8 on
 * scikit-image 0.19.3, compared up to the numbering of ids.
 */
class HpaPostprocessGoldenTest {
    @TestFactory
    Stream<DynamicTest> everyFixtureCase() throws IOException {
        Path dir = TestResources.path("/fixtures/hpa-postprocess");
        List<String> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith("_nuclei_pred.png"))
                    .map(f -> f.substring(0, f.length() - "_nuclei_pred.png".length()))
                    .sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no cases in " + dir);
        HpaPostprocess post = HpaPostprocess.full();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            HpaPrediction nuc = TestPngs.prediction(dir.resolve(c + "_nuclei_pred.png"));
            HpaPrediction cell = TestPngs.prediction(dir.resolve(c + "_cell_pred.png"));
            HpaPostprocess.Result r = post.run(nuc, cell, false);
            assertSame(c + " cells", TestPngs.labels(dir.resolve(c + "_cell_labels.png")), r.cellsAndNuclei().cells());
            assertSame(c + " cell nuclei", TestPngs.labels(dir.resolve(c + "_cellnuclei_labels.png")),
                    r.cellsAndNuclei().nuclei());
            assertSame(c + " nuclei", TestPngs.labels(dir.resolve(c + "_nuclei_labels.png")), r.nucleiOnly());
            assertNucleiCarryCellIds(r.cellsAndNuclei());
        }));
    }

    /** A 22-cell smooth field checked against scikit-image building blocks (see crosscheck/README.md). */
    @org.junit.jupiter.api.Test
    void smoothFieldMatchesScikitImageBuildingBlocks() throws Exception {
        Path dir = Path.of(HpaPostprocessGoldenTest.class.getResource("crosscheck").toURI());
        HpaPrediction nuc = TestPngs.prediction(dir.resolve("smooth640_nuclei_pred.png"));
        HpaPrediction cell = TestPngs.prediction(dir.resolve("smooth640_cell_pred.png"));
        HpaPostprocess.Result r = HpaPostprocess.full().run(nuc, cell, true);
        assertSame("cells", TestPngs.labels(dir.resolve("smooth640_cells.png")), r.cellsAndNuclei().cells());
        assertSame("cell nuclei", TestPngs.labels(dir.resolve("smooth640_nuclei.png")), r.cellsAndNuclei().nuclei());
        assertSame("nuclei", TestPngs.labels(dir.resolve("smooth640_nuclei_only.png")), r.nucleiOnly());
    }

    static void assertSame(String what, LabelImage expected, LabelImage actual) {
        assertEquals(expected.objects().size(), actual.objects().size(), what + ": object count");
        assertTrue(expected.equalsUpToRenumbering(actual), what + ": label images differ");
    }

    private static void assertNucleiCarryCellIds(Segmentation s) {
        int[] c = s.cells().array();
        int[] n = s.nuclei().array();
        for (int i = 0; i < c.length; i++) {
            if (n[i] != 0) {
                assertEquals(c[i], n[i], "nucleus pixel " + i + " does not carry its cell's id");
            }
        }
    }
}
