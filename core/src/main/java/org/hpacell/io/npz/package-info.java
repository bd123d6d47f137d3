/**
 * NumPy's array files, the project's single npy/npz codec: {@code .npy} (one array: a text header
 * describing dtype, layout and shape, then the raw data) and {@code .npz} (a zip archive of
 * {@code .npy} entries, written compressed as {@code numpy.savez_compressed} does). Written and read
 * without NumPy, so CAMs and pseudo labels made in Java open with {@code numpy.load} and vice versa;
 * weight files saved by NumPy in any numeric type, byte order or layout are read widened to float32
 * ({@link org.hpacell.io.npz.NpyFormat#readAsFloats}).
 */
package org.hpacell.io.npz;
