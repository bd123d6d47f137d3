package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.hpacell.pipeline.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportInputsTest {

    @Test
    void aDemoFolderIsRecognisedFromItselfOrFromItsPipelineFolder(@TempDir Path demo) throws Exception {
        PipelineConfig.defaults().write(demo.resolve("pipeline/config.json"));
        Files.createDirectories(demo.resolve("data/train"));
        Files.createDirectories(demo.resolve("data/test"));
        Files.writeString(demo.resolve("summary.md"), "| method | cell mAP@0.6 |\n");
        Files.createDirectories(demo.resolve("pipeline/baseline"));
        Files.writeString(demo.resolve("pipeline/baseline/oracle.csv"), "ID,ImageWidth,ImageHeight,PredictionString\n");

        ReportInputs top = ReportInputs.locate(demo, null, null);
        assertEquals(demo.resolve("pipeline"), top.run().orElseThrow().root());
        assertEquals(Optional.of(demo.resolve("data/train")), top.train());
        assertEquals(Optional.of(demo.resolve("data/test")), top.test());
        assertEquals(Optional.of(demo.resolve("summary.md")), top.summary());
        assertEquals(Optional.of(demo.resolve("pipeline/baseline/oracle.csv")), top.oracle());
        assertEquals(demo.resolve("report.html"), top.output());
        assertTrue(top.truth().isEmpty(), "no truth.csv in the test folder");

        ReportInputs inner = ReportInputs.locate(demo.resolve("pipeline"), null, demo.resolve("elsewhere"));
        assertEquals(demo.resolve("pipeline/report.html"), inner.output());
        assertEquals(Optional.of(demo.resolve("elsewhere")), inner.test(), "an explicit folder wins");
        assertTrue(inner.summary().isPresent() && inner.oracle().isPresent());
        // "--run ." inside DEMO/pipeline
        assertEquals(Optional.of(demo.resolve("data/train")),
                ReportInputs.locate(demo.resolve("pipeline").resolve("."), null, null).train());
    }

    @Test
    void aPlainPipelineFolderKnowsOnlyWhatItIsGiven(@TempDir Path run) throws Exception {
        PipelineConfig.defaults().write(run.resolve("config.json"));
        ReportInputs in = ReportInputs.locate(run, null, null);
        assertEquals(Optional.empty(), in.train());
        assertEquals(Optional.empty(), in.summary());
        assertEquals(run.resolve("report.html"), in.output());
        assertEquals(Map.of(), RunReport.methods(in), "no submissions yet");
    }

    @Test
    void aRunThatHasOnlyBegunGetsAPageThatSaysWhatIsMissing(@TempDir Path run) throws Exception {
        PipelineConfig.defaults().write(run.resolve("config.json"));
        RunReport.Result r = RunReport.write(ReportInputs.locate(run, null, null), 6,
                org.hpacell.progress.Progress.Factory.NONE);
        assertEquals(java.util.List.of(), r.problems());
        String html = Files.readString(r.file());
        assertTrue(html.contains("No evaluation"), "summary");
        assertTrue(html.contains("has not finished its predict stage"), "fields");
        assertTrue(html.contains("pass --data"), "accuracy");
        assertTrue(html.contains("No training run has written metrics yet"), "training");
        assertTrue(html.contains("pass --train"), "dataset");
        assertTrue(html.contains("<td>stage1</td><td>not yet</td>"), "stages");
    }

    @Test
    void anUnreadableInputIsReportedAndTheOtherSectionsAreStillMade(@TempDir Path run) throws Exception {
        PipelineConfig.defaults().write(run.resolve("config.json"));
        Files.writeString(run.resolve("evaluation.json"), "{broken");
        RunReport.Result r = RunReport.write(ReportInputs.locate(run, null, null), 6,
                org.hpacell.progress.Progress.Factory.NONE);
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).startsWith("summary: " + run.resolve("evaluation.json") + ": not valid JSON"),
                r.problems().get(0));
        String html = Files.readString(r.file());
        assertTrue(html.contains("This section could not be completed") && html.contains("<section id=\"settings\">"));
    }

    @Test
    void anotherFolderIsRefusedWithItsName(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportInputs.locate(dir, null, null));
        assertTrue(e.getMessage().startsWith(dir + ": not an hpacell pipeline or demo output folder"), e.getMessage());
    }
}
