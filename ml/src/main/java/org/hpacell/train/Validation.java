package org.hpacell.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Iterator;
import java.util.List;
import org.hpacell.atlas.Location;
import org.hpacell.train.data.ImagesBatchBuilder;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.StreamingLoader;
import org.hpacell.train.loss.Objective;
import org.hpacell.train.metric.AveragePrecision;

/**
 * Image-level validation: un-augmented fields through the network in inference mode, batch by batch in
 * a manager scope of its own (native memory stays flat), giving the objective's validation loss and the
 * per-class and macro AP of the sigmoid probabilities.
 *
 * @param loss    mean loss per field
 * @param classAp AP per class ({@code NaN} for classes without positives)
 * @param macroAp mean AP over classes with positives
 */
public record Validation(double loss, double[] classAp, double macroAp) {

    /** A result for a run without validation fields. */
    public static Validation none() {
        double[] ap = new double[Location.COUNT];
        java.util.Arrays.fill(ap, Double.NaN);
        return new Validation(Double.NaN, ap, Double.NaN);
    }

    /**
     * @param loader a loader over the validation fields with an augmenter that does not augment
     * @param count  number of validation fields
     */
    public static Validation run(Network network, Objective objective, StreamingLoader<PreparedSample> loader, int count,
                                 int batchSize, NDManager parent) {
        if (count == 0) {
            return none();
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        float[][] probs = new float[count][];
        float[][] targets = new float[count][];
        double lossSum = 0;
        int n = 0;
        Iterator<List<PreparedSample>> it = loader.epoch(order, batchSize, false, 0, 0);
        while (it.hasNext()) {
            List<PreparedSample> batch = it.next();
            if (batch.isEmpty()) {
                continue;
            }
            try (NDManager m = parent.newSubManager()) {
                NDArray x = ImagesBatchBuilder.images(batch, m);
                NDArray y = ImagesBatchBuilder.targets(batch, m);
                NDList out = network.forward(x, false);
                NDArray logits = out.get(0);
                lossSum += objective.validationLoss(logits, y).getFloat() * batch.size();
                float[] p = logits.getNDArrayInternal().sigmoid().toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    probs[n] = java.util.Arrays.copyOfRange(p, i * Location.COUNT, (i + 1) * Location.COUNT);
                    targets[n] = batch.get(i).target();
                    n++;
                }
            }
        }
        if (n == 0) {
            return none();
        }
        float[][] ps = java.util.Arrays.copyOf(probs, n);
        float[][] ts = java.util.Arrays.copyOf(targets, n);
        double[] ap = AveragePrecision.perClass(ps, ts);
        return new Validation(lossSum / n, ap, AveragePrecision.macro(ap));
    }
}
