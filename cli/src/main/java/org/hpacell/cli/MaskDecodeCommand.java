package org.hpacell.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.MaskFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hpacell mask decode --width W --height H STRING --out MASK.png}. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Write a Kaggle string as an 8-bit PNG (255 inside the mask, 0 outside).")
public final class MaskDecodeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--width", required = true, paramLabel = "W", description = "Image width in pixels.")
    int width;

    @Option(names = "--height", required = true, paramLabel = "H", description = "Image height in pixels.")
    int height;

    @Option(names = "--out", required = true, paramLabel = "MASK.png", description = "The PNG to write.")
    Path out;

    @Parameters(index = "0", paramLabel = "STRING", description = "The Kaggle mask string.")
    String encoded;

    @Override
    public Integer call() throws Exception {
        BinaryMask mask;
        try {
            mask = MaskCodec.decode(encoded.strip(), width, height);
        } catch (MaskFormatException e) {
            throw new IllegalArgumentException("mask string for a " + width + "x" + height + " image: " + e.getMessage(), e);
        }
        MaskPngFiles.write(mask, out);
        if (!common.quiet()) {
            spec.commandLine().getErr().println("wrote " + out + " (" + width + "x" + height + ", "
                    + mask.area() + " pixels set)");
        }
        return ExitCodes.OK;
    }
}
