package org.hpacell.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hpacell.geojson.GeoJsonExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell export geojson --predictions SUBMISSION.csv --out DIR [--min-confidence C]}. */
@Command(name = "geojson", mixinStandardHelpOptions = true,
        description = {"Write every field of a submission (or of a synthetic atlas's truth.csv) as DIR/ID.geojson: "
                + "one GeoJSON FeatureCollection per field, one Feature per cell, as QuPath imports them.",
                "Each cell is a Polygon (MultiPolygon for a cell in pieces), holes included, on pixel corners; "
                        + "objectType cell, classification = the most confident class in the report's colours, "
                        + "measurements = the 19 confidences (truth: 1 for each label, 0 otherwise)."})
public final class ExportGeoJsonCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--predictions", required = true, paramLabel = "P.csv",
            description = "A Kaggle submission (hpacell predict --out) or ground truth in the same layout.")
    Path predictions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder of ID.geojson files.")
    Path out;

    @Option(names = "--min-confidence", paramLabel = "C", defaultValue = "0",
            description = "Leave out cells whose most confident class scores below C (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Override
    public Integer call() throws Exception {
        GeoJsonExport.Summary s = GeoJsonExport.export(predictions, out, minConfidence);
        if (!common.quiet()) {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d fields, %d cells (%d below %s left out) to %s%n",
                    s.fields(), s.cells(), s.skipped(), minConfidence, out);
        }
        return ExitCodes.OK;
    }
}
