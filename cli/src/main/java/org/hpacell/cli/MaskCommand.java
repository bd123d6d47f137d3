package org.hpacell.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hpacell mask encode|decode}: converts between mask images and Kaggle mask strings. */
@Command(name = "mask", mixinStandardHelpOptions = true,
        description = "Convert between mask images and Kaggle mask strings (base64 of zlib of COCO RLE).",
        subcommands = {MaskEncodeCommand.class, MaskDecodeCommand.class})
public final class MaskCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
