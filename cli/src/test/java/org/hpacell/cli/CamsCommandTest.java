package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.ImageFormat;
import org.hpacell.nn.Architectures;
import org.hpacell.progress.Progress;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CamsCommandTest {
    @Test
    void writesMapsPreviewsAndASubmissionForASyntheticDataset(@TempDir Path dir) throws Exception {
        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(3, 6, 64, 8));
        List<FieldSample> fields = new ArrayList<>();
        Path data = dir.resolve("data");
        Path cells = dir.resolve("cells");
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            for (int i = 0; i < 6; i++) {
                SyntheticField f = gen.generate(i);
                fields.add(new InMemorySample(f.image(), f.imageLabels(), f.cells()));
                if (i < 2) {
                    w.write(f.image(), f.imageLabels());
                    ImageFiles.writeLabels(cells.resolve(f.id() + ".png"), f.cells());
                }
            }
        }
        TrainConfig c = new TrainConfig();
        c.epochs = 1;
        c.batchSize = 3;
        c.imageSize = 64;
        c.loaderThreads = 1;
        c.engineThreads = 1;
        Path run = dir.resolve("run");
        TrainingLoop.fromConfig(c, new RunDirectory(run), Architectures::create, Progress.Factory.NONE).run(fields, false);

        Path out = dir.resolve("out");
        CommandLine cl = HpaCell.commandLine();
        StringWriter text = new StringWriter();
        cl.setOut(new PrintWriter(text));
        int code = cl.execute("cams", "--model", run.toString(), "--data", data.toString(), "--out", out.toString(),
                "--tta", "--preview", "--cells", cells.toString(), "--pooling", "top:0.5", "--threads", "2", "-q");
        assertEquals(ExitCodes.OK, code, text.toString());
        String id = FieldGenerator.fieldId(0);
        CamMaps maps = CamMapsFile.read(out.resolve("maps").resolve(id + ".npz"));
        assertEquals(64, maps.width());
        assertTrue(Files.isRegularFile(out.resolve("previews").resolve(id + ".png")));
        assertEquals(3, Files.readAllLines(out.resolve("probabilities.csv")).size());
        assertEquals(3, Files.readAllLines(out.resolve("submission.csv")).size());
        assertTrue(text.toString().contains("maps of 2 field(s) written"), text.toString());

        int bad = HpaCell.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()))
                .execute("cams", "--model", dir.resolve("nowhere").toString(), "--data", data.toString(), "--out",
                        out.toString());
        assertTrue(bad != ExitCodes.OK);
    }
}
