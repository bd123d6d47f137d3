package org.hpacell.geojson;

import java.util.List;

/**
 * One connected piece of a mask as a polygon: its outer ring and the rings of its holes, on pixel corners.
 *
 * @param shell the outer ring (positive area)
 * @param holes the holes inside it (negative area), possibly none
 */
record OutlinePolygon(Ring shell, List<Ring> holes) {
    OutlinePolygon {
        holes = List.copyOf(holes);
    }
}
