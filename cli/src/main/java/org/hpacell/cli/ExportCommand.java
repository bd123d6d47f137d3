package org.hpacell.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hpacell export geojson|model}: results and models in formats other bio-imaging tools read. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write results and models in formats other bio-imaging tools open (GeoJSON cells for QuPath, "
                + "bioimage.io model packages).",
        subcommands = {ExportGeoJsonCommand.class, ExportModelCommand.class})
public final class ExportCommand extends CommandGroup {
    @Mixin
    CommonOptions common;
}
