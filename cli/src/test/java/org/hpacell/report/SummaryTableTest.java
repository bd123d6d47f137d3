package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTableTest {

    @Test
    void theEvaluationComesFirstAndTheDemoSummaryAddsItsOtherRows(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("evaluation.json");
        Files.writeString(json, "{\"iou\": \"mask\", \"cellMap\": {\"b\": 0.25, \"a\": 0.5}}");
        Path md = dir.resolve("summary.md");
        Files.writeString(md, "| method | cell mAP@0.6 |\n|---|---|\n| a | 0.4000 |\n| oracle (x) | 0.7500 |\n");
        Map<String, Double> t = SummaryTable.read(json, Optional.of(md));
        assertEquals(List.of("b", "a", "oracle (x)"), List.copyOf(t.keySet()));
        assertEquals(0.5, t.get("a"), "evaluation.json wins");
        assertEquals(0.75, t.get("oracle (x)"));
        assertTrue(SummaryTable.read(dir.resolve("none.json"), Optional.empty()).isEmpty());
    }

    @Test
    void aBrokenEvaluationNamesTheFile(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("evaluation.json");
        Files.writeString(json, "{\"cellMap\": {\"a\": \"high\"}}");
        IOException e = assertThrows(IOException.class, () -> SummaryTable.read(json, Optional.empty()));
        assertTrue(e.getMessage().startsWith(json + ": cellMap.a is not a number"), e.getMessage());
        Files.writeString(json, "{not json");
        e = assertThrows(IOException.class, () -> SummaryTable.read(json, Optional.empty()));
        assertTrue(e.getMessage().startsWith(json + ": not valid JSON"), e.getMessage());
    }

    @Test
    void htmlTextIsEscaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", HtmlDocument.escape("a <b> & \"c\" 'd'"));
    }
}
