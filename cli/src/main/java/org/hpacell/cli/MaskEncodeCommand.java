package org.hpacell.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.MaskCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hpacell mask encode MASK.png}. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Print the Kaggle string of the nonzero pixels of a PNG (8/16-bit gray or RGB).")
public final class MaskEncodeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MASK.png", description = "The mask image.")
    Path image;

    @Override
    public Integer call() throws Exception {
        BinaryMask mask = MaskPngFiles.read(image);
        spec.commandLine().getOut().println(MaskCodec.encode(mask));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
