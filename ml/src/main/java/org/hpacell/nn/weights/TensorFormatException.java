package org.hpacell.nn.weights;

import java.io.IOException;

/** A tensor file that cannot be read; the message names the file (and entry) and the problem. */
public class TensorFormatException extends IOException {
    public TensorFormatException(String message) {
        super(message);
    }
}
