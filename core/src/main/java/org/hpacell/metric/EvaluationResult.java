package org.hpacell.metric;

import java.util.List;

/**
 * The result of an evaluation.
 *
 * @param iou                       how IoUs were taken
 * @param meanAveragePrecision      the mean AP over the classes with ground truth (NaN if there are none)
 * @param classes                   the 19 classes in index order
 * @param truthFields               fields in the ground truth
 * @param scoredFields              prediction rows whose field is in the ground truth
 * @param fieldsNotInTruth          prediction rows whose field is not in the ground truth (not scored)
 * @param fieldsNotInTruthExamples  up to 10 of their IDs
 */
public record EvaluationResult(IouKind iou, double meanAveragePrecision, List<ClassResult> classes,
        int truthFields, int scoredFields, int fieldsNotInTruth, List<String> fieldsNotInTruthExamples) {

    public EvaluationResult {
        classes = List.copyOf(classes);
        fieldsNotInTruthExamples = List.copyOf(fieldsNotInTruthExamples);
    }

    /** Fields of the ground truth without a prediction row (all their cells are missed). */
    public int truthFieldsWithoutPredictions() {
        return truthFields - scoredFields;
    }
}
