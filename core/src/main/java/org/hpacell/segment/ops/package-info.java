/**
 * Pixel operations for segmentation post-processing, over row-major primitive arrays
 * ({@code a[y * width + x]}), each in its own class and each reproducing the semantics of the
 * scikit-image 0.19 / SciPy function it is named after (stated in each class's Javadoc): connected
 * components, marker-based watershed, binary erosion, grey closing with a disk, hole filling,
 * small-object and small-hole removal, Otsu's threshold and boundary finding.
 *
 * <p>Label arrays are {@code int[]} with 0 = background; binary images are {@code boolean[]}.
 * No operation modifies its inputs unless its name says so.
 */
package org.hpacell.segment.ops;
