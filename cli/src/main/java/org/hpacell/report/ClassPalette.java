package org.hpacell.report;

import java.awt.Color;
import java.util.Locale;
import org.hpacell.atlas.Location;

/**
 * One colour per class, bright enough to stand out on a dark fluorescence image. Hues are spaced by the
 * golden angle (137.5 degrees), so classes with neighbouring indices get clearly different hues; the
 * value alternates between two levels to separate the few hues that end up close.
 */
final class ClassPalette {
    private static final Color[] COLOURS = new Color[Location.COUNT];

    static {
        for (int c = 0; c < Location.COUNT; c++) {
            float hue = (float) ((c * 137.508) % 360.0 / 360.0);
            COLOURS[c] = Color.getHSBColor(hue, 0.72f, c % 2 == 0 ? 1.0f : 0.82f);
        }
    }

    private ClassPalette() {
    }

    static Color colour(Location c) {
        return COLOURS[c.index()];
    }

    /** The colour as {@code #rrggbb}. */
    static String css(Location c) {
        Color k = colour(c);
        return String.format(Locale.ROOT, "#%02x%02x%02x", k.getRed(), k.getGreen(), k.getBlue());
    }

    /** A small coloured square followed by the class name, as HTML. */
    static String swatch(Location c) {
        return "<span class=\"swatch\" style=\"background:" + css(c) + "\"></span>"
                + HtmlDocument.escape(c.displayName());
    }
}
