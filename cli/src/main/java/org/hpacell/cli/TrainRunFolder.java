package org.hpacell.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hpacell.identity.StageIdentity;
import org.hpacell.io.FileTrees;
import org.hpacell.train.RunDirectory;

/**
 * What {@code hpacell train} may do with its run folder: a new run needs a folder without a run in it
 * (or {@code --overwrite}, which removes the old run's files), and {@code --resume} continues only on
 * the data the run was started on. The data's identity ({@code --data}: its fields' names, sizes and
 * times) is recorded in {@code RUN/data.json} when a run starts.
 */
final class TrainRunFolder {
    /** The record of the data a run was started on. */
    static final String DATA = "data.json";
    private static final String DATA_PART = "--data";

    private TrainRunFolder() {
    }

    /** Whether {@code out} holds a training run (plain or SC-CAM rounds). */
    static boolean holdsRun(Path out) throws IOException {
        RunDirectory run = new RunDirectory(out);
        return Files.exists(run.config()) || Files.exists(run.lastCheckpoint()) || !rounds(out).isEmpty();
    }

    /**
     * Checks the folder against the options and records the data, before any work.
     *
     * @return a warning to print, if any
     * @throws IllegalArgumentException naming the folder if it holds a run and neither option is given, or
     *                                  if {@code --resume} is given other data than the run's
     */
    static Optional<String> prepare(Path out, Path data, boolean resume, boolean overwrite) throws IOException {
        if (resume && overwrite) {
            throw new IllegalArgumentException("--resume and --overwrite exclude each other");
        }
        StageIdentity now = StageIdentity.ofVersion().withFolder(DATA_PART, data);
        Path record = out.resolve(DATA);
        Optional<String> warning = Optional.empty();
        if (holdsRun(out)) {
            if (overwrite) {
                clear(out);
            } else if (!resume) {
                throw new IllegalArgumentException(out + ": already holds a training run; give --resume to "
                        + "continue it or --overwrite to replace it");
            } else {
                Optional<StageIdentity> before = StageIdentity.read(record);
                if (before.isEmpty()) {
                    warning = Optional.of("hpacell: warning: " + out + " has no " + DATA + " (an older run): "
                            + "cannot check that --data " + data + " is the data it was started on");
                } else if (!before.get().parts().get(DATA_PART).equals(now.parts().get(DATA_PART))) {
                    throw new IllegalArgumentException(out + ": was trained on other data than --data " + data
                            + " (its fields, sizes or times differ from " + record.getFileName()
                            + "); resume with the run's data, or train into a new folder");
                }
            }
        }
        Files.createDirectories(out);
        now.write(record);
        return warning;
    }

    /** Removes a run's files (and SC-CAM's round folders), nothing else. */
    private static void clear(Path out) throws IOException {
        RunDirectory run = new RunDirectory(out);
        for (Path p : List.of(run.config(), run.provenance(), run.metricsCsv(), run.metricsPlot(),
                run.lastCheckpoint().getParent(), run.badFields(), out.resolve(DATA))) {
            FileTrees.delete(p);
        }
        for (Path round : rounds(out)) {
            FileTrees.delete(round);
        }
    }

    private static List<Path> rounds(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().matches("round\\d+") && Files.isDirectory(p)).toList();
        }
    }
}
