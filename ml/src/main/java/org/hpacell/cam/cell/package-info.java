/**
 * Per-cell class scores from class activation maps: the map values inside each cell's mask pooled
 * (mean, max or mean of the top fraction) and combined with the image-level probability. Pure Java
 * over float arrays, one pass over the label image per field.
 */
package org.hpacell.cam.cell;
