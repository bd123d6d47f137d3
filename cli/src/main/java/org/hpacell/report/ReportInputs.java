package org.hpacell.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hpacell.pipeline.PipelineLayout;

/**
 * What a report is made from: a pipeline output folder ({@link PipelineLayout}), and - when known - the
 * training and test data it ran on and the demo's extras (its summary table with the oracle row and the
 * oracle's submission).
 *
 * <p>A pipeline folder does not record where its data came from, so {@code hpacell pipeline} passes its
 * {@code --train} and {@code --test}. A demo folder ({@code hpacell demo --out DEMO}) is recognised by
 * its layout: {@code DEMO/pipeline} (the pipeline folder), {@code DEMO/data/train}, {@code DEMO/data/test},
 * {@code DEMO/summary.md} and {@code DEMO/oracle/submission.csv}; either {@code DEMO} or
 * {@code DEMO/pipeline} may be given.
 *
 * @param run     the pipeline output folder
 * @param train   the training fields (train.csv), if known
 * @param test    the test fields (images; truth.csv for the accuracy sections), if known
 * @param summary the demo's summary table (Markdown), if any
 * @param oracle  the demo oracle's submission, if any
 * @param output  where the page goes
 */
public record ReportInputs(PipelineLayout run, Optional<Path> train, Optional<Path> test, Optional<Path> summary,
                           Optional<Path> oracle, Path output) {
    /** The report's file name inside the folder it describes. */
    public static final String FILE_NAME = "report.html";

    /** The pipeline folder inside a demo folder. */
    static final String DEMO_PIPELINE = "pipeline";

    /**
     * The inputs of a pipeline run with known data folders; the page goes to {@code run/report.html}.
     *
     * @param train the training folder, or null if unknown
     * @param test  the test folder, or null if unknown
     */
    public static ReportInputs ofPipeline(Path run, Path train, Path test) {
        return new ReportInputs(new PipelineLayout(run), Optional.ofNullable(train), Optional.ofNullable(test),
                Optional.empty(), Optional.empty(), run.resolve(FILE_NAME));
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
        return new ReportInputs(new PipelineLayout(run),
                Optional.ofNullable(train).or(() -> demoDir.map(d -> d.resolve("data").resolve("train"))),
                Optional.ofNullable(test).or(() -> demoDir.map(d -> d.resolve("data").resolve("test"))),
                demoDir.map(d -> d.resolve("summary.md")).filter(Files::exists),
                demoDir.map(d -> d.resolve("oracle").resolve("submission.csv")).filter(Files::exists),
                dir.resolve(FILE_NAME));
    }

    private static boolean isPipeline(Path dir) {
        return Files.isRegularFile(new PipelineLayout(dir).config());
    }

    private static boolean isDemo(Path dir) {
        return Files.isDirectory(dir.resolve("data").resolve("train"))
                && Files.isDirectory(dir.resolve("data").resolve("test"));
    }

    /** The test set's ground truth, if the test folder has one. */
    public Optional<Path> truth() {
        return test.map(t -> t.resolve("truth.csv")).filter(Files::exists);
    }
}
