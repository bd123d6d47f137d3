package org.hpacell.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The class activation map operation (Zhou et al. 2016) on batches, each one native op on the whole
 * batch. For a feature map {@code F} of shape {@code (N, K, h, w)} and classifier weights {@code W}
 * of shape {@code (C, K)}, the map of class c is {@code M[n, c] = sum_k W[c, k] F[n, k]}; since global
 * average pooling and the linear classifier commute, {@code mean(M[n, c]) + bias[c]} is the logit.
 */
public final class ClassActivation {
    /** Added to the per-class maximum before dividing, so all-zero maps stay zero (as Puzzle-CAM does). */
    public static final float NORMALISATION_EPSILON = 1e-5f;

    private ClassActivation() {
    }

    /**
     * Un-rectified, un-normalised class maps {@code (N, C, h, w)}, attached to the features' manager
     * (differentiable: the Puzzle-CAM losses train through it).
     */
    public static NDArray maps(NDArray features, NDArray weight) {
        Shape s = features.getShape();
        if (s.dimension() != 4 || weight.getShape().dimension() != 2 || weight.getShape().get(1) != s.get(1)) {
            throw new IllegalArgumentException("features (N, K, h, w) and weight (C, K) expected, got "
                    + s + " and " + weight.getShape());
        }
        long n = s.get(0), h = s.get(2), w = s.get(3);
        // (C, K) x (N, K, h*w) broadcasts to (N, C, h*w): one batched matrix product.
        NDArray flat = weight.matMul(features.reshape(n, s.get(1), h * w));
        flat.attach(features.getManager());
        return flat.reshape(n, weight.getShape().get(0), h, w);
    }

    /** Global average pooling of {@code (N, C, H, W)} to {@code (N, C)}, one reduction. */
    public static NDArray globalAverage(NDArray nchw) {
        Shape s = nchw.getShape();
        return nchw.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
    }

    /** Each map of {@code (N, C, H, W)} divided by its own maximum (plus {@link #NORMALISATION_EPSILON}). */
    public static NDArray normalisePerClass(NDArray maps) {
        Shape s = maps.getShape();
        // PyTorch's reductions take one axis here: reduce over the flattened plane.
        NDArray max = maps.reshape(s.get(0), s.get(1), -1).max(new int[] {2}, true).expandDims(3);
        return maps.div(max.add(NORMALISATION_EPSILON));
    }
}
