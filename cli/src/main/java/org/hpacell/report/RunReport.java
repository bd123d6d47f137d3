package org.hpacell.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpacell.io.AtomicFiles;
import org.hpacell.pipeline.PipelineLayout;
import org.hpacell.progress.Progress;
import org.hpacell.train.RunDirectory;

/**
 * The HTML report of a pipeline run or of predictions alone: one self-contained page (pictures inline as
 * PNG data URIs and SVG, style inline, no script, nothing fetched) with, in order, the summary table of
 * cell-level mAP per method, the predicted cells of the first test fields (with their class activation
 * maps for a run), per-class AP and precision-recall curves (when the test set has truth), the training
 * curves (a run only), the class distribution (training labels, true and predicted cells), and the
 * config and provenance of a run or the input files of predictions.
 *
 * <p>A section whose inputs are missing says so and what would supply them; a section whose inputs
 * cannot be read says why, and the rest of the page is still made. The page is written atomically.
 */
public final class RunReport {
    /** The method name of a predictions report's submission. */
    static final String PREDICTIONS = "predictions";
    private static final String PREDICTIONS_METHOD = "\"predictions\" is the submission the page describes.";

    /** Fields shown by default. */
    public static final int DEFAULT_FIELDS = 6;

    /**
     * What was written.
     *
     * @param file     the page
     * @param problems one line per section that could not be made (file and problem)
     */
    public record Result(Path file, List<String> problems) {
    }

    /** One section's work. */
    @FunctionalInterface
    private interface Section {
        void add() throws IOException;
    }

    private RunReport() {
    }

    /**
     * Makes the report of {@code in} and writes it to {@code in.output()}.
     *
     * @param fields at most this many test fields are drawn
     * @throws IOException if the page cannot be written
     */
    public static Result write(ReportInputs in, int fields, Progress.Factory progress) throws IOException {
        if (fields < 0) {
            throw new IllegalArgumentException("the number of fields shown must be >= 0, got " + fields);
        }
        HtmlDocument doc = new HtmlDocument("hpacell report",
                in.subject() + " - made " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<String> problems = new ArrayList<>();
        Optional<PipelineLayout> run = in.run();

        // Scored first: a predictions report's summary is its own evaluation.
        List<MethodEvaluation> evaluations = new ArrayList<>();
        Optional<String> evaluationProblem = Optional.empty();
        try {
            evaluations.addAll(evaluate(in, progress));
        } catch (IOException | RuntimeException e) {
            evaluationProblem = Optional.of(message(e));
        }
        Optional<String> unscored = evaluationProblem;

        if (run.isPresent()) {
            attempt(doc, problems, "summary", () -> SummarySection.add(doc, run.get().evaluation(), in.summary()));
        } else {
            Map<String, Double> cellMap = new LinkedHashMap<>();
            evaluations.forEach(e -> cellMap.put(e.method(), e.result().meanAveragePrecision()));
            attempt(doc, problems, "summary", () -> SummarySection.add(doc, cellMap,
                    "the predicted data folder is unknown: pass --data", PREDICTIONS_METHOD));
        }
        attempt(doc, problems, "fields", () -> FieldsSection.add(doc, in, fields, progress));
        attempt(doc, problems, "per-class accuracy", () -> {
            if (unscored.isPresent()) {
                doc.section("classes", "Per-class accuracy");
                throw new IOException(unscored.get());
            }
            AccuracySection.add(doc, evaluations);
        });
        if (run.isPresent()) {
            attempt(doc, problems, "training", () -> TrainingSection.add(doc, trainingRuns(in, run.get())));
        }
        attempt(doc, problems, "dataset", () -> DatasetSection.add(doc, in.train(),
                evaluations.stream().findFirst(), Files.exists(in.submission())
                        ? Optional.of(PredictedClasses.count(in.submission())) : Optional.empty()));
        if (run.isPresent()) {
            attempt(doc, problems, "settings", () -> SettingsSection.add(doc, run.get(), provenance(run.get())));
        } else {
            attempt(doc, problems, "settings", () -> SettingsSection.addInputs(doc, in));
        }

        AtomicFiles.writeString(in.output(), doc.html());
        return new Result(in.output(), List.copyOf(problems));
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static void attempt(HtmlDocument doc, List<String> problems, String name, Section section) {
        try {
            section.add();
        } catch (IOException | RuntimeException e) {
            String message = message(e);
            problems.add(name + ": " + message);
            doc.note("This section could not be completed: " + message);
        }
    }

    /**
     * The submissions of every method the run made, in the order of its evaluation table; for a
     * predictions report, the one submission.
     */
    static Map<String, Path> methods(ReportInputs in) {
        Map<String, Path> methods = new LinkedHashMap<>();
        if (in.run().isEmpty()) {
            methods.put(PREDICTIONS, in.submission());
            methods.values().removeIf(p -> !Files.exists(p));
            return methods;
        }
        methods.putAll(in.run().get().methodSubmissions());
        methods.values().removeIf(p -> !Files.exists(p));
        return methods;
    }

    private static List<MethodEvaluation> evaluate(ReportInputs in, Progress.Factory progress) throws IOException {
        Optional<Path> truth = in.truth();
        List<MethodEvaluation> out = new ArrayList<>();
        if (truth.isEmpty()) {
            return out;
        }
        Map<String, Path> methods = methods(in);
        try (Progress p = progress.start("report: evaluate", methods.size())) {
            for (Map.Entry<String, Path> e : methods.entrySet()) {
                out.add(MethodEvaluation.of(e.getKey(), e.getValue(), truth.get()));
                p.step();
            }
        }
        return out;
    }

    private static Map<String, RunDirectory> trainingRuns(ReportInputs in, PipelineLayout run) {
        Map<String, RunDirectory> runs = new LinkedHashMap<>();
        runs.put("Stage 1: image classifier on image labels", new RunDirectory(run.stage1()));
        runs.put("Stage 2: cell classifier on five-level pseudo labels", new RunDirectory(run.stage2()));
        in.oracle().ifPresent(o -> runs.put("Oracle: cell classifier on true cell labels",
                new RunDirectory(run.oracle())));
        return runs;
    }

    private static Map<String, Path> provenance(PipelineLayout run) {
        Map<String, Path> out = new LinkedHashMap<>();
        out.put("Stage 1 provenance", new RunDirectory(run.stage1()).provenance());
        out.put("Stage 2 provenance", new RunDirectory(run.stage2()).provenance());
        return out;
    }
}
