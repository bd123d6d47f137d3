package org.hpacell.nn.weights;

/**
 * A state dict that does not fit the network: the message names the file and lists every missing,
 * unexpected and shape-mismatched name. Nothing is imported when it is thrown.
 */
public class WeightImportException extends IllegalArgumentException {
    public WeightImportException(String message) {
        super(message);
    }
}
