package org.hpacell.nn.script;

import java.util.Arrays;

/**
 * A float32 tensor to store as an attribute of a TorchScript module: its values in row-major order and its
 * shape.
 *
 * @param values    the elements, row-major (not copied)
 * @param shape     the dimensions
 * @param parameter whether the module lists it in {@code __parameters__} (else in {@code __buffers__})
 */
public record ScriptTensor(float[] values, long[] shape, boolean parameter) {
    public ScriptTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements but the tensor has " + values.length);
        }
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Row-major strides of the shape. */
    long[] strides() {
        long[] s = new long[shape.length];
        long step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= shape[i];
        }
        return s;
    }
}
