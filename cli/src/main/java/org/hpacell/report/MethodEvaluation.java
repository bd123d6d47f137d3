package org.hpacell.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.metric.EvaluationResult;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.MapEvaluator;
import org.hpacell.metric.PrecisionRecallCurve;
import org.hpacell.metric.SubmissionScorer;
import org.hpacell.progress.Progress;

/**
 * One method's submission scored against the test set's truth with the competition metric (mask IoU,
 * threshold 0.6): its per-class AP and precision-recall curves.
 *
 * @param method     the method's name
 * @param submission its submission file
 * @param result     the evaluation (mAP, per-class AP)
 * @param curves     the precision-recall curve of every class with ground truth
 */
record MethodEvaluation(String method, Path submission, EvaluationResult result,
                        Map<Location, PrecisionRecallCurve> curves) {

    /**
     * Scores {@code submission} against {@code truth}.
     *
     * @throws IllegalArgumentException listing the bad rows of either file, if any
     */
    static MethodEvaluation of(String method, Path submission, Path truth) throws IOException {
        MapEvaluator e = SubmissionScorer.evaluate(truth, submission, IouKind.MASK, Progress.Factory.NONE);
        Map<Location, PrecisionRecallCurve> curves = new EnumMap<>(Location.class);
        for (Location c : Location.all()) {
            e.precisionRecall(c).ifPresent(curve -> curves.put(c, curve));
        }
        return new MethodEvaluation(method, submission, e.result(), Collections.unmodifiableMap(curves));
    }
}
