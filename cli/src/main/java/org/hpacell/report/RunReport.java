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
 * The HTML report of a pipeline run: one self-contained page (pictures inline as PNG data URIs and SVG,
 * style inline, no script, nothing fetched) with, in order, the summary table of cell-level mAP per
 * method, the predicted cells of the first test fields with their class activation maps, per-class AP and
 * precision-recall curves (when the test set has truth), the training curves, the class distribution,
 * and the config and provenance.
 *
 * <p>A section whose inputs are missing says so and what would supply them; a section whose inputs
 * cannot be read says why, and the rest of the page is still made. The page is written atomically.
 */
public final class RunReport {
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
        PipelineLayout run = in.run();
        HtmlDocument doc = new HtmlDocument("hpacell report",
                "Run " + run.root().toAbsolutePath().normalize() + " - made "
                        + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<String> problems = new ArrayList<>();

        attempt(doc, problems, "summary", () -> SummarySection.add(doc, run.evaluation(), in.summary()));
        attempt(doc, problems, "fields", () -> FieldsSection.add(doc, in, fields, progress));
        List<MethodEvaluation> evaluations = new ArrayList<>();
        attempt(doc, problems, "per-class accuracy", () -> {
            evaluations.addAll(evaluate(in, progress));
            AccuracySection.add(doc, evaluations);
        });
        attempt(doc, problems, "training", () -> TrainingSection.add(doc, trainingRuns(in)));
        attempt(doc, problems, "dataset", () -> DatasetSection.add(doc, in.train(),
                evaluations.stream().findFirst()));
        attempt(doc, problems, "settings", () -> SettingsSection.add(doc, run, provenance(in)));

        AtomicFiles.writeString(in.output(), doc.html());
        return new Result(in.output(), List.copyOf(problems));
    }

    private static void attempt(HtmlDocument doc, List<String> problems, String name, Section section) {
        try {
            section.add();
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            problems.add(name + ": " + message);
            doc.note("This section could not be completed: " + message);
        }
    }

    /** The submissions of every method the run made, in the order of its evaluation table. */
    static Map<String, Path> methods(ReportInputs in) {
        PipelineLayout run = in.run();
        Map<String, Path> methods = new LinkedHashMap<>(run.methodSubmissions());
        in.oracle().ifPresent(o -> methods.put("oracle", o));
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

    private static Map<String, RunDirectory> trainingRuns(ReportInputs in) {
        Map<String, RunDirectory> runs = new LinkedHashMap<>();
        runs.put("Stage 1: image classifier on image labels", new RunDirectory(in.run().stage1()));
        runs.put("Stage 2: cell classifier on five-level pseudo labels", new RunDirectory(in.run().stage2()));
        in.oracle().ifPresent(o -> runs.put("Oracle: cell classifier on true cell labels",
                new RunDirectory(o.resolveSibling("run"))));
        return runs;
    }

    private static Map<String, Path> provenance(ReportInputs in) {
        Map<String, Path> out = new LinkedHashMap<>();
        out.put("Stage 1 provenance", new RunDirectory(in.run().stage1()).provenance());
        out.put("Stage 2 provenance", new RunDirectory(in.run().stage2()).provenance());
        return out;
    }
}
