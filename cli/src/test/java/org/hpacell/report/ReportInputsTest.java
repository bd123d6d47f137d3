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
        Files.createDirectories(demo.resolve("oracle"));
        Files.writeString(demo.resolve("oracle/submission.csv"), "ID,ImageWidth,ImageHeight,PredictionString\n");

        ReportInputs top = ReportInputs.locate(demo, null, null);
        assertEquals(demo.resolve("pipeline"), top.run().root());
        assertEquals(Optional.of(demo.resolve("data/train")), top.train());
        assertEquals(Optional.of(demo.resolve("data/test")), top.test());
        assertEquals(Optional.of(demo.resolve("summary.md")), top.summary());
        assertEquals(Optional.of(demo.resolve("oracle/submission.csv")), top.oracle());
        assertEquals(demo.resolve("report.html"), top.output());
        assertTrue(top.truth().isEmpty(), "no truth.csv in the test folder");

        ReportInputs inner = ReportInputs.locate(demo.resolve("pipeline"), null, demo.resolve("elsewhere"));
        assertEquals(demo.resolve("pipeline/report.html"), inner.output());
        assertEquals(Optional.of(demo.resolve("elsewhere")), inner.test(), "an explicit folder wins");
        assertTrue(inner.summary().isPresent() && inner.oracle().isPresent());
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
    void anotherFolderIsRefusedWithItsName(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportInputs.locate(dir, null, null));
        assertTrue(e.getMessage().startsWith(dir + ": not an hpacell pipeline or demo output folder"), e.getMessage());
    }
}
