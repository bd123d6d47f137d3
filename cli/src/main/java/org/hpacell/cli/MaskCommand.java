package org.hpacell.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hpacell mask encode|decode}: converts between mask images and Kaggle mask strings. */
@Command(name = "mask", mixinStandardHelpOptions = true,
        description = "Convert between mask images and Kaggle mask strings (base64 of zlib of COCO RLE).",
        subcommands = {MaskEncodeCommand.class, MaskDecodeCommand.class})
public final class MaskCommand extends CommandGroup {
    @Mixin
    CommonOptions common;
}
