package org.hpacell.train.data;

/**
 * A field ready for the network: normalised, augmented and resized to {@code size x size}.
 *
 * @param id     the field id
 * @param pixels channel-major ({@code c * size * size + y * size + x}) normalised values of the 4 channels
 * @param size   side in pixels
 * @param target the multi-hot label vector (19 values)
 * @param cells  the cell label image after the same geometric transform (nearest neighbour), row-major,
 *               0 = background; null when the source has no cells
 */
public record PreparedSample(String id, float[] pixels, int size, float[] target, int[] cells) {
}
