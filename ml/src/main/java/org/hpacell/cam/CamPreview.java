package org.hpacell.cam;

import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.io.RgbImage;

/**
 * A picture for a person to check a class map: the field's protein (green) channel in gray, stretched
 * to its 99.5th percentile, with the class map laid over it in orange, opacity proportional to the
 * map value (0 transparent, 1 at 70%).
 */
public final class CamPreview {
    private static final float MAX_OPACITY = 0.7f;
    private static final int[] COLOUR = {255, 140, 0};

    private CamPreview() {
    }

    /** The overlay of class {@code c}'s map on {@code field} (maps and field of the same size). */
    public static RgbImage overlay(FieldImage field, CamMaps maps, int c) {
        if (field.width() != maps.width() || field.height() != maps.height()) {
            throw new IllegalArgumentException("field " + field.id() + " is " + field.width() + "x" + field.height()
                    + " but its maps are " + maps.width() + "x" + maps.height());
        }
        float[] green = field.channel(Channel.GREEN);
        float white = percentile(green, 0.995);
        int n = green.length;
        int[][] rgb = new int[3][n];
        float[] map = maps.array();
        int offset = maps.offset(c);
        for (int i = 0; i < n; i++) {
            float gray = Math.min(255f, 255f * green[i] / white);
            float a = MAX_OPACITY * Math.max(0f, Math.min(1f, map[offset + i]));
            for (int b = 0; b < 3; b++) {
                rgb[b][i] = Math.round(gray * (1 - a) + COLOUR[b] * a);
            }
        }
        return new RgbImage(field.width(), field.height(), rgb[0], rgb[1], rgb[2]);
    }

    /** The class a preview shows by default: the most probable one. */
    public static int mostProbableClass(CamMaps maps) {
        float[] p = maps.probabilities();
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static float percentile(float[] values, double q) {
        float[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        float v = sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
        return v > 0 ? v : 1f;
    }
}
