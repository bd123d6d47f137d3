package org.hpacell.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hpacell.identity.StageIdentity;
import org.hpacell.io.FailuresCsv;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.FileTrees;
import org.hpacell.predict.PredictionPipeline;

/**
 * The recorded identity of each stage of a pipeline folder ({@code OUT/.stages/NAME.json}, written when
 * the stage starts, beside the {@code NAME.done} marker written when it ends), held against the current
 * identities. At the start of a run {@link #reconcile} removes the outputs, record and marker of every
 * stage whose recorded identity differs from its current one (or that has outputs but no record, as an
 * older hpacell left them), so what remains in the folder was made by the current inputs and config: a
 * finished stage is skipped, a started one resumes (its checkpoints are its own), and a changed one
 * starts afresh.
 */
final class StageLedger {
    private final PipelineLayout layout;
    private final Map<String, StageIdentity> current;

    StageLedger(PipelineLayout layout, Map<String, StageIdentity> current) {
        this.layout = layout;
        this.current = current;
    }

    /** Where a stage's identity is recorded. */
    Path record(String stage) {
        return layout.marker(stage).resolveSibling(stage + ".json");
    }

    /** A stage's current identity. */
    StageIdentity identity(String stage) {
        return current.get(stage);
    }

    /**
     * Removes every stage made from other inputs, config or hpacell version.
     *
     * @return one line saying what changed and which stages are redone, if any stage is
     */
    Optional<String> reconcile() throws IOException {
        Set<String> changed = new LinkedHashSet<>();
        List<String> redone = new ArrayList<>();
        for (Map.Entry<String, StageIdentity> e : current.entrySet()) {
            String stage = e.getKey();
            if (!present(stage)) {
                continue;
            }
            Optional<StageIdentity> recorded = StageIdentity.read(record(stage));
            List<String> diff = recorded.map(r -> e.getValue().changedFrom(r))
                    .orElse(List.of("no fingerprint recorded for " + stage));
            if (!diff.isEmpty()) {
                changed.addAll(diff);
                redone.add(stage);
                clear(stage);
            }
        }
        return redone.isEmpty() ? Optional.empty() : Optional.of("changed since the last run in " + layout.root()
                + ": " + String.join(", ", changed) + "; redoing " + String.join(", ", redone));
    }

    /** Whether a stage finished with its current identity. */
    boolean done(String stage) throws IOException {
        return Files.exists(layout.marker(stage))
                && StageIdentity.read(record(stage)).filter(current.get(stage)::equals).isPresent();
    }

    /** Records that a stage starts with its current identity. */
    void start(String stage) throws IOException {
        current.get(stage).write(record(stage));
    }

    /** The fields a finished stage skipped (each with its error), so a rerun that skips it reports them. */
    List<FieldFailure> skippedFields(String stage) throws IOException {
        Path f = skippedFile(stage);
        return Files.exists(f) ? FailuresCsv.read(f) : List.of();
    }

    /** Records the fields a stage skipped. */
    void recordSkippedFields(String stage, List<FieldFailure> skipped) throws IOException {
        FailuresCsv.write(skippedFile(stage), skipped);
    }

    private Path skippedFile(String stage) {
        return layout.marker(stage).resolveSibling(stage + ".errors.csv");
    }

    private boolean present(String stage) {
        if (Files.exists(layout.marker(stage)) || Files.exists(record(stage))) {
            return true;
        }
        return outputs(stage).stream().anyMatch(Files::exists);
    }

    private void clear(String stage) throws IOException {
        Files.deleteIfExists(layout.marker(stage));
        for (Path p : outputs(stage)) {
            FileTrees.delete(p);
        }
        Files.deleteIfExists(skippedFile(stage));
        Files.deleteIfExists(record(stage));
    }

    /** Everything a stage writes (removed when it is redone). */
    private List<Path> outputs(String stage) {
        Path root = layout.root();
        return switch (stage) {
            case "segment" -> List.of(layout.segmentation(PipelineLayout.Split.TRAIN).getParent());
            case "stage1" -> List.of(layout.stage1());
            case "cams" -> List.of(layout.cams(PipelineLayout.Split.TRAIN).getParent());
            case "pseudo" -> List.of(layout.pseudo());
            case "stage2" -> List.of(layout.stage2());
            case "oracle" -> List.of(layout.oracle());
            case "predict" -> {
                List<Path> p = new ArrayList<>(List.of(layout.evaluation(), root.resolve("baseline"),
                        layout.ruleChoice(), layout.submissionGeoJson()));
                for (Path s : List.of(layout.submission(), layout.cellClassifierSubmission(),
                        layout.broadcastSubmission(), layout.oracleSubmission())) {
                    p.add(s);
                    p.add(PredictionPipeline.partsFolder(s));
                }
                yield p;
            }
            default -> throw new IllegalStateException("the outputs of stage '" + stage + "' are not known");
        };
    }
}
