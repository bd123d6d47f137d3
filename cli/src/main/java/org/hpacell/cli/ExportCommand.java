package org.hpacell.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hpacell export geojson}: results in formats other bio-imaging tools read. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write results in formats other bio-imaging tools open (GeoJSON cells for QuPath).",
        subcommands = {ExportGeoJsonCommand.class})
public final class ExportCommand extends CommandGroup {
    @Mixin
    CommonOptions common;
}
