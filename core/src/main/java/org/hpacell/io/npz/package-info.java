/**
 * NumPy's array files: {@code .npy} (one array: a text header describing dtype and shape, then the
 * raw little-endian data in C order) and {@code .npz} (a zip archive of {@code .npy} entries, written
 * compressed as {@code numpy.savez_compressed} does). Written and read without NumPy, so CAMs and
 * pseudo labels made in Java open with {@code numpy.load} and vice versa.
 */
package org.hpacell.io.npz;
