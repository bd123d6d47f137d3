package org.hpacell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.image.LabelImage;
import org.hpacell.io.BadInputException;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.TrainCsv;
import org.hpacell.predict.CellImageFolder;
import org.hpacell.progress.Progress;
import org.hpacell.pseudo.ClassMaps;
import org.hpacell.pseudo.Grade;
import org.hpacell.pseudo.PseudoLabelConfig;
import org.hpacell.pseudo.PseudoLabelJob;
import org.hpacell.pseudo.TargetMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell pseudo}: pixel and five-level cell pseudo labels from class activation maps. */
@Command(name = "pseudo", mixinStandardHelpOptions = true,
        description = {"Make pseudo labels from class activation maps (the files of 'hpacell cams'): pixel labels "
                + "OUT/pixels/ID.npz, five-level cell labels OUT/cell_labels.csv, previews OUT/preview/ID.png.",
                "Several --cams folders are an ensemble: their maps are averaged.",
                "Exit code 1 (partial) if any field was skipped."})
public final class PseudoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cams", required = true, paramLabel = "DIR",
            description = "Folder of CAM files ID.npz, or the output folder of 'hpacell cams' (its maps/ sub-folder); "
                    + "repeat for an ensemble (fields are those of the first).")
    List<Path> cams;

    @Option(names = "--cells", required = true, paramLabel = "DIR",
            description = "Folder of cell label images (16-bit PNG/TIFF, 0 = background), named ID_cellmask.png, "
                    + "ID_cells.png or ID.png.")
    Path cells;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "train.csv with the fields' image labels. Without it a field's labels are the classes whose "
                    + "CAM image probability is >= --min-probability.")
    Path labels;

    @Option(names = "--min-probability", paramLabel = "P", defaultValue = "0.5",
            description = "Image probability that makes a class an image label when --labels is absent "
                    + "(default: ${DEFAULT-VALUE}).")
    float minProbability;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.225",
            description = "Map value (inclusive) at which a class is present at a pixel (default: ${DEFAULT-VALUE}).")
    float threshold;

    @Option(names = "--soft", description = "Soft pixel targets (the map value) instead of hard 0/1.")
    boolean soft;

    @Option(names = "--min-coverage", paramLabel = "C", defaultValue = "0.05",
            description = "Share of a cell's pixels above the threshold below which the cell is graded 0 "
                    + "(default: ${DEFAULT-VALUE}).")
    float minCoverage;

    @Option(names = "--cuts", paramLabel = "F,S,M", split = ",", defaultValue = "0.8,0.6,0.4",
            description = "Relative-evidence cuts for grades 1, 0.75 and 0.5 (default: ${DEFAULT-VALUE}).")
    float[] cuts;

    @Option(names = "--previews", paramLabel = "N", defaultValue = "8",
            description = "Number of fields (first by id) to draw a preview of (default: ${DEFAULT-VALUE}).")
    int previews;

    @Override
    public Integer call() throws Exception {
        if (cuts.length != 3) {
            throw new IllegalArgumentException("--cuts needs three values F,S,M, got " + cuts.length);
        }
        PseudoLabelConfig config = new PseudoLabelConfig(threshold, soft ? TargetMode.SOFT : TargetMode.HARD,
                minCoverage, cuts[0], cuts[1], cuts[2]);
        cams = cams.stream().map(PseudoCommand::mapsFolder).toList();
        List<String> ids = camIds(cams.get(0));
        TrainCsv train = labels == null ? null : TrainCsv.read(labels);
        PseudoLabelJob.Result r;
        try (Progress p = common.progress().start("pseudo", ids.size())) {
            r = new PseudoLabelJob(config, common.threads(), previews).run(ids, id -> load(id, train), out, p);
        }
        report(spec.commandLine().getOut(), r);
        return r.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** {@code dir/maps} when {@code dir} is the output of {@code hpacell cams}, else {@code dir}. */
    private static Path mapsFolder(Path dir) {
        Path maps = dir.resolve("maps");
        return Files.isDirectory(maps) ? maps : dir;
    }

    /** The field ids of a CAM folder, sorted. */
    private static List<String> camIds(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, "is not a folder");
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(CamMapsFile.SUFFIX)).sorted()
                    .forEach(n -> ids.add(n.substring(0, n.length() - CamMapsFile.SUFFIX.length())));
        }
        if (ids.isEmpty()) {
            throw new BadInputException(dir, "holds no CAM files (*" + CamMapsFile.SUFFIX + ")");
        }
        return ids;
    }

    private PseudoLabelJob.FieldInput load(String id, TrainCsv train) throws IOException {
        List<CamMaps> members = new ArrayList<>();
        for (Path dir : cams) {
            Path f = CamMapsFile.of(dir, id);
            if (!Files.isRegularFile(f)) {
                throw new BadInputException(f, "no such file (every --cams folder must hold every field)");
            }
            members.add(CamMapsFile.read(f));
        }
        CamMaps maps = CamMaps.average(members);
        if (maps.numClasses() != Location.COUNT) {
            throw new BadInputException(CamMapsFile.of(cams.get(0), id), "holds " + maps.numClasses()
                    + " classes, expected " + Location.COUNT);
        }
        LabelImage cellImage = new CellImageFolder(cells).read(id);
        return new PseudoLabelJob.FieldInput(new ClassMaps(maps.width(), maps.height(), maps.array()), cellImage,
                imageLabels(id, maps, train));
    }

    private LabelSet imageLabels(String id, CamMaps maps, TrainCsv train) throws IOException {
        if (train != null) {
            TrainCsv.Row row = train.rows().get(id);
            if (row == null) {
                throw new BadInputException(train.path(), "has no (valid) row for field " + id);
            }
            return row.labels();
        }
        int bits = 0;
        float[] p = maps.probabilities();
        for (int k = 0; k < Location.COUNT; k++) {
            if (p[k] >= minProbability) {
                bits |= 1 << k;
            }
        }
        return LabelSet.ofBits(bits);
    }

    private void report(PrintWriter w, PseudoLabelJob.Result r) {
        w.printf("%d field(s), %d cell(s) labelled into %s; %d field(s) skipped%n", r.fields(), r.cells(), out,
                r.failures().size());
        if (!common.quiet()) {
            w.printf("  %5s  %-45s %7s %7s %7s %7s%n", "class", "cells graded", "1", "0.75", "0.5", "0.25");
            for (Location l : Location.values()) {
                long[] c = r.gradeCounts()[l.index()];
                if (c[Grade.WEAK.ordinal()] + c[Grade.MEDIUM.ordinal()] + c[Grade.STRONG.ordinal()]
                        + c[Grade.FULL.ordinal()] == 0) {
                    continue;
                }
                w.printf("  %5d  %-45s %7d %7d %7d %7d%n", l.index(), l.displayName(), c[Grade.FULL.ordinal()],
                        c[Grade.STRONG.ordinal()], c[Grade.MEDIUM.ordinal()], c[Grade.WEAK.ordinal()]);
            }
        }
        for (FieldFailure f : r.failures()) {
            w.println("  skipped " + f);
        }
        w.flush();
    }
}
