package org.hpacell.train.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * What an objective returns for one batch.
 *
 * @param total the scalar to minimise (its gradient trains the network)
 * @param parts named scalar components for the metrics log (e.g. {@code "cls"}, {@code "puzzle"}); the
 *              same names every step. May be empty.
 */
public record LossValue(NDArray total, Map<String, NDArray> parts) {
}
