package org.hpacell.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hpacell.pipeline.PipelineLayout;

/**
 * What a report is made from: either a pipeline output folder ({@link PipelineLayout}) or the output of
 * {@code hpacell predict} alone (its submission), and - when known - the training and test data and the
 * demo's summary table, and the oracle's submission when the run trained one. The page's sections
 * follow from what is here: a pipeline adds the training curves, class maps and stage provenance.
 *
 * <p>The output of {@code hpacell predict --out FILE} is the submission FILE alone (predict keeps part
 * files in {@code FILE.parts/} only while it has fields left to do), so a predictions report is made from
 * that file, or from a folder holding it as {@code submission.csv}, and from the dataset it predicted
 * ({@code --data}: its images for the overlays, its {@code truth.csv} for the accuracy sections).
 *
 * <p>A pipeline folder does not record where its data came from, so {@code hpacell pipeline} passes its
 * {@code --train} and {@code --test}. A demo folder ({@code hpacell demo --out DEMO}) is recognised by
 * its layout: {@code DEMO/pipeline} (the pipeline folder), {@code DEMO/data/train}, {@code DEMO/data/test},
 * {@code DEMO/summary.md}; either {@code DEMO} or
 * {@code DEMO/pipeline} may be given.
 *
 * @param run        the pipeline output folder; empty for a predictions report
 * @param submission the submission whose fields are drawn (the pipeline's, or the predictions file)
 * @param train   the training fields (train.csv), if known
 * @param test    the test fields (images; truth.csv for the accuracy sections), if known
 * @param summary the demo's summary table (Markdown), if any
 * @param oracle  the oracle's submission, if the run trained one
 * @param output  where the page goes
 */
public record ReportInputs(Optional<PipelineLayout> run, Path submission, Optional<Path> train, Optional<Path> test, Optional<Path> summary,
                           Optional<Path> oracle, Path output) {
    /** The report's file name inside the folder it describes. */
    public static final String FILE_NAME = "report.html";

    /** The pipeline folder inside a demo folder. */
    static final String DEMO_PIPELINE = "pipeline";

    /** The submission's name in a folder given as predictions. */
    public static final String SUBMISSION = "submission.csv";

    /**
     * The inputs of a pipeline run with known data folders; the page goes to {@code run/report.html}.
     *
     * @param train the training folder, or null if unknown
     * @param test  the test folder, or null if unknown
     */
    public static ReportInputs ofPipeline(Path run, Path train, Path test) {
        return of(new PipelineLayout(run), Optional.ofNullable(train), Optional.ofNullable(test), Optional.empty(),
                Optional.empty(), run.resolve(FILE_NAME));
    }

    private static ReportInputs of(PipelineLayout run, Optional<Path> train, Optional<Path> test,
                                   Optional<Path> summary, Optional<Path> oracle, Path output) {
        return new ReportInputs(Optional.of(run), run.submission(), train, test, summary, oracle, output);
    }

    /**
     * The inputs of a predictions report: {@code predictions} is the submission written by
     * {@code hpacell predict --out}, or a folder holding it as {@value #SUBMISSION}. The page goes beside
     * the submission, as {@value #FILE_NAME}.
     *
     * @param train the training folder (for its class distribution), or null if unknown
     * @param data  the dataset that was predicted, or null if unknown
     * @throws IllegalArgumentException naming {@code predictions} if it is neither, or if predict has not
     *                                  finished it (its part folder is there but the submission is not)
     */
    public static ReportInputs ofPredictions(Path predictions, Path train, Path data) {
        Path file = Files.isDirectory(predictions) ? predictions.resolve(SUBMISSION) : predictions;
        if (!Files.isRegularFile(file)) {
            Path parts = file.resolveSibling(file.getFileName() + ".parts");
            throw new IllegalArgumentException(Files.isDirectory(parts)
                    ? file + ": not written yet: hpacell predict has not finished (its parts are in " + parts
                    + "; rerun it to finish)"
                    : predictions + ": no submission here (expected the CSV written by hpacell predict --out, or a "
                    + "folder holding it as " + SUBMISSION + ")");
        }
        return new ReportInputs(Optional.empty(), file, Optional.ofNullable(train), Optional.ofNullable(data),
                Optional.empty(), Optional.empty(), file.resolveSibling(FILE_NAME));
    }

    /**
     * The inputs found in {@code dir}: a demo folder, the pipeline folder inside one, or a plain pipeline
     * folder. The page goes to {@code dir/report.html}. {@code train} or {@code test}, when not null,
     * override what the layout suggests.
     *
     * @throws IllegalArgumentException naming {@code dir} if it is not a pipeline or demo output folder
     */
    public static ReportInputs locate(Path dir, Path train, Path test) {
        Path run;
        Path demo;
        if (isPipeline(dir)) {
            run = dir;
            Path absolute = dir.toAbsolutePath().normalize();
            Path parent = absolute.getParent();
            demo = parent != null && absolute.getFileName().toString().equals(DEMO_PIPELINE) && isDemo(parent)
                    ? parent : null;
        } else if (isPipeline(dir.resolve(DEMO_PIPELINE))) {
            run = dir.resolve(DEMO_PIPELINE);
            demo = dir;
        } else {
            throw new IllegalArgumentException(dir + ": not an hpacell pipeline or demo output folder (no "
                    + new PipelineLayout(dir).config().getFileName() + " in it or in its " + DEMO_PIPELINE
                    + " sub-folder)");
        }
        Optional<Path> demoDir = Optional.ofNullable(demo);
        return of(new PipelineLayout(run),
                Optional.ofNullable(train).or(() -> demoDir.map(d -> d.resolve("data").resolve("train"))),
                Optional.ofNullable(test).or(() -> demoDir.map(d -> d.resolve("data").resolve("test"))),
                demoDir.map(d -> d.resolve("summary.md")).filter(Files::exists),
                Optional.of(new PipelineLayout(run).oracleSubmission()).filter(Files::exists),
                dir.resolve(FILE_NAME));
    }

    private static boolean isPipeline(Path dir) {
        return Files.isRegularFile(new PipelineLayout(dir).config());
    }

    private static boolean isDemo(Path dir) {
        return Files.isDirectory(dir.resolve("data").resolve("train"))
                && Files.isDirectory(dir.resolve("data").resolve("test"));
    }

    /** The folder or file the page describes, for its subtitle. */
    public String subject() {
        return run.map(r -> "Run " + r.root().toAbsolutePath().normalize())
                .orElseGet(() -> "Predictions " + submission.toAbsolutePath().normalize());
    }

    /** The test set's ground truth, if the test folder has one. */
    public Optional<Path> truth() {
        return test.map(t -> t.resolve("truth.csv")).filter(Files::exists);
    }
}
