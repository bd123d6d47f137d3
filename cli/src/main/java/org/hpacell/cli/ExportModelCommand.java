package org.hpacell.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hpacell.nn.bioimage.ModelPackage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell export model --run RUN --out MODEL.zip}: a trained network as a bioimage.io model package. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Write a trained run as a bioimage.io model package: a classifier (stage 1 on fields, or "
                + "stage 2 on cell crops with --cells) or a segmentation U-Net (a target folder of "
                + "`hpacell train-segmenter`, e.g. MODEL/nuclei). The package holds rdf.yaml (format 0.5), README.md, TorchScript weights that "
                + "PyTorch 1.13+ and DJL load, and test_input.npy / test_output.npy.",
                "The input is the raw 4-channel image (red, green, blue, yellow) at the run's size; its preprocessing "
                        + "in rdf.yaml is the run's normalisation. The output is the 19 class probabilities, or HPA's "
                        + "three segmentation maps. Classifiers of the ResNet family (small, resnet18, ..., resnet152) "
                        + "and segnet-... U-Nets are exported."})
public final class ExportModelCommand implements Callable<Integer>, UsesEngine {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "A run folder of `hpacell train`.")
    Path run;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The package to write (MODEL.zip).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The model's name (default: hpacell RUN-FOLDER).")
    String name;

    @Option(names = "--author", paramLabel = "NAME", split = ",",
            description = "Author names, comma-separated (default: the user name).")
    List<String> authors;

    @Option(names = "--license", paramLabel = "SPDX", defaultValue = "CC-BY-4.0",
            description = "Licence of the weights, an SPDX id (default: ${DEFAULT-VALUE}).")
    String license;

    @Option(names = "--cells", description = "The run is a stage-2 cell classifier (its input is a cell crop).")
    boolean cells;

    @Override
    public Integer call() throws Exception {
        String modelName = name != null ? name : "hpacell " + run.toAbsolutePath().normalize().getFileName();
        List<String> who = authors != null && !authors.isEmpty() ? authors : List.of(System.getProperty("user.name"));
        ModelPackage.export(run, out, new ModelPackage.Details(modelName, who, license, cells));
        if (!common.quiet()) {
            spec.commandLine().getOut().println("wrote " + out);
        }
        return ExitCodes.OK;
    }
}
