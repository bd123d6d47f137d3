package org.hpacell.image;

/** One object of a {@link LabelImage}: its id, tight bounding box and pixel count. */
public record LabelObject(int id, Box box, int area) {
}
