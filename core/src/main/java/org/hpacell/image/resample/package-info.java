/**
 * Resampling of single-channel images over row-major primitive arrays ({@code a[y * width + x]}), each
 * class reproducing one function of the Python tool chain HPA-Cell-Segmentation runs on, to the last
 * rounding step where the original is deterministic: scikit-image 0.19's {@code rescale} with its
 * anti-aliasing ({@link SkimageRescale}, built on SciPy's {@code gaussian_filter} and {@code zoom},
 * {@link GaussianFilter} and {@link LinearZoom}), OpenCV's {@code copyMakeBorder(BORDER_REFLECT)}
 * ({@link ReflectPad}) and OpenCV's {@code resize(INTER_AREA)} when enlarging ({@link AreaUpscale}).
 *
 * <p>No operation modifies its inputs.
 */
package org.hpacell.image.resample;
