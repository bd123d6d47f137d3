package org.hpacell.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hpacell.atlas.Location;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.HpaDataset;
import org.hpacell.progress.Progress;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.ImagePredictor;
import org.hpacell.train.TrainedModel;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.HpaSamples;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell predict-images}: image-level class probabilities of a trained run. */
@Command(name = "predict-images", mixinStandardHelpOptions = true,
        description = {"Image-level probabilities of the 19 classes for every field of a dataset, from a trained run "
                + "(its best checkpoint).",
                "Writes CSV: ID followed by one column per class index 0..18, fields in id order."})
public final class PredictImagesCommand implements Callable<Integer>, UsesEngine {
    @Mixin
    CommonOptions common;

    @Mixin
    ChannelOptions channels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "A run folder of `hpacell train`.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Fields in the HPA layout.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "probs.csv", description = "Output CSV.")
    Path out;

    @Option(names = "--tta", description = "Average over flips and scales 1.2 and 1.4 (5 views).")
    boolean tta;

    @Option(names = "--batch", paramLabel = "N", description = "Fields per batch (default: ${DEFAULT-VALUE}).")
    int batch = 8;

    @Override
    public Integer call() throws Exception {
        HpaDataset ds = HpaDataset.open(data, HpaDataset.LabelPolicy.OPTIONAL, channels.order());
        List<FieldSample> samples = HpaSamples.of(ds);
        List<String> failures = new ArrayList<>();
        ds.problems().forEach(p -> failures.add(p.toString()));
        try (TrainedModel m = TrainedModel.load(model, ClassifierFactory.REGISTRY);
             Progress progress = common.progress().start("predict-images", samples.size())) {
            ImagePredictor predictor = new ImagePredictor(m, Math.max(1, batch), common.threads(), tta);
            AtomicFiles.write(out, raw -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
                w.write("ID");
                for (int k = 0; k < Location.COUNT; k++) {
                    w.write("," + k);
                }
                w.write("\n");
                failures.addAll(predictor.predict(samples, (id, p) -> {
                    StringBuilder sb = new StringBuilder(id);
                    for (float v : p) {
                        sb.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                    }
                    w.write(sb.append('\n').toString());
                }, progress));
                w.flush();
            });
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote %s (%d field(s)%s)%n", out, samples.size() - failures.size() + ds.problems().size(),
                tta ? ", test-time augmentation" : "");
        if (!failures.isEmpty()) {
            w.println(failures.size() + " field(s) skipped:");
            failures.forEach(f -> w.println("  " + f));
        }
        w.flush();
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
