package org.hpacell.metric;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hpacell.io.SubmissionFormatException;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;

/**
 * Scores a submission file against a ground-truth file in the same layout with {@link MapEvaluator}.
 * The truth is read first (and held); the predictions are streamed row by row.
 *
 * <p>A bad row (malformed, an undecodable mask, a duplicate field, a size that differs from the truth)
 * does not stop reading: every bad row of both files is collected, and if there were any the evaluation
 * fails at the end with all of them (file and line each) rather than report a score that silently skipped
 * rows.
 */
public final class SubmissionScorer {
    /** At most this many problems are spelt out in the error message. */
    private static final int MAX_LISTED = 10;

    private SubmissionScorer() {
    }

    /**
     * Evaluates {@code predictions} against {@code truth}.
     *
     * @throws IllegalArgumentException listing the bad rows (file:line: problem), if any
     * @throws IOException              if a file cannot be read
     */
    public static EvaluationResult score(Path truth, Path predictions, IouKind kind, Progress.Factory progress)
            throws IOException {
        return evaluate(truth, predictions, kind, progress).result();
    }

    /**
     * As {@link #score}, but returns the evaluator holding every match, for more than the summary (e.g.
     * {@link MapEvaluator#precisionRecall}).
     *
     * @throws IllegalArgumentException listing the bad rows (file:line: problem), if any
     * @throws IOException              if a file cannot be read
     */
    public static MapEvaluator evaluate(Path truth, Path predictions, IouKind kind, Progress.Factory progress)
            throws IOException {
        MapEvaluator evaluator = new MapEvaluator(kind);
        List<String> problems = new ArrayList<>();
        try (Progress p = progress.start("read truth", -1)) {
            forEachRow(truth, problems, row -> {
                evaluator.addTruth(row);
                p.step();
            });
        }
        try (Progress p = progress.start("evaluate", -1)) {
            forEachRow(predictions, problems, row -> {
                evaluator.addPrediction(row);
                p.step();
            });
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(problems.size() + " bad row(s), no score computed:");
            for (String s : problems.subList(0, Math.min(MAX_LISTED, problems.size()))) {
                sb.append("\n  ").append(s);
            }
            if (problems.size() > MAX_LISTED) {
                sb.append("\n  ... and ").append(problems.size() - MAX_LISTED).append(" more");
            }
            throw new IllegalArgumentException(sb.toString());
        }
        return evaluator;
    }

    private static void forEachRow(Path file, List<String> problems, Consumer<SubmissionRow> action) throws IOException {
        try (SubmissionReader in = SubmissionReader.open(file)) {
            while (true) {
                SubmissionRow row;
                try {
                    row = in.next();
                } catch (SubmissionFormatException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                if (row == null) {
                    return;
                }
                try {
                    action.accept(row);
                } catch (IllegalArgumentException e) {
                    problems.add(file + ":" + in.lineNumber() + ": " + e.getMessage());
                }
            }
        }
    }
}
