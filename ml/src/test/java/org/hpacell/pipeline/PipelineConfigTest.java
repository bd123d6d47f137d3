package org.hpacell.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partial config merges key by key onto the defaults; non-integer counts are refused with the file named. */
class PipelineConfigTest {
    @TempDir
    Path dir;

    @Test
    void aPartialSectionKeepsEveryOtherDefaultAtEveryDepth() throws IOException {
        Path f = Files.writeString(dir.resolve("c.json"),
                "{\"cellModel\": {\"epochs\": 30, \"augment\": {\"brightness\": 0.3}}, \"stage1\": {\"seed\": 5}}");
        PipelineConfig c = PipelineConfig.read(f);
        PipelineConfig d = PipelineConfig.defaults();
        assertEquals(30, c.cellModel.epochs);
        assertEquals(0.3, c.cellModel.augment.brightness, 1e-12);
        assertEquals(d.cellModel.imageSize, c.cellModel.imageSize);
        assertEquals(d.cellModel.batchSize, c.cellModel.batchSize);
        assertEquals(d.cellModel.loaderThreads, c.cellModel.loaderThreads);
        assertEquals(d.cellModel.model, c.cellModel.model);
        assertEquals(d.cellModel.augment.contrast, c.cellModel.augment.contrast, 1e-12);
        assertEquals(5, c.stage1.seed);
        assertEquals(d.stage1.imageSize, c.stage1.imageSize);
        assertEquals(d.stage1.epochs, c.stage1.epochs);
    }

    @Test
    void aFractionalCountIsRefusedNamingTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.json"), "{\"cellModel\": {\"epochs\": 1.5}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PipelineConfig.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void theStage2MethodIsOneOfTheKnownNames() throws IOException {
        assertEquals("cellwise", PipelineConfig.defaults().stage2.method);
        Path ok = Files.writeString(dir.resolve("ok.json"), "{\"stage2\": {\"method\": \"five-level\"}}");
        assertEquals("five-level", PipelineConfig.read(ok).validate().stage2.method);
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"stage2\": {\"method\": \"magic\"}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineConfig.read(bad).validate());
        assertTrue(e.getMessage().contains("stage2.method") && e.getMessage().contains("magic"), e.getMessage());
    }
}
