package org.hpacell.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario of the organisers' scorer fixtures (test resource {@code fixtures/metric}, a copy of
 * {@code shared/reference/fixtures/metric}), for mask and box IoU.
 */
class MetricGoldenTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioBothIouKinds() throws Exception {
        Path dir = Path.of(getClass().getResource("/fixtures/metric/expected.json").toURI()).getParent();
        JsonNode scenarios = new ObjectMapper().readTree(dir.resolve("expected.json").toFile()).get("scenarios");
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = scenarios.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (IouKind kind : IouKind.values()) {
                JsonNode expected = e.getValue().get(kind == IouKind.MASK ? "mask_iou" : "box_iou");
                Path sc = dir.resolve(e.getKey());
                tests.add(DynamicTest.dynamicTest(e.getKey() + " " + kind, () -> {
                    EvaluationResult r = SubmissionScorer.score(sc.resolve("gt.csv"), sc.resolve("pred.csv"), kind,
                            Progress.Factory.NONE);
                    assertEquals(expected.get("mAP").asDouble(), r.meanAveragePrecision(), 1e-12, "mAP");
                    JsonNode perClass = expected.get("per_class_ap");
                    assertEquals(19, perClass.size());
                    for (int c = 0; c < 19; c++) {
                        ClassResult cr = r.classes().get(c);
                        if (perClass.get(c).isNull()) {
                            assertFalse(cr.hasTruth(), "class " + c);
                            assertTrue(Double.isNaN(cr.averagePrecision()), "class " + c);
                        } else {
                            assertEquals(perClass.get(c).asDouble(), cr.averagePrecision(), 1e-12, "class " + c);
                        }
                    }
                }));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }
}
