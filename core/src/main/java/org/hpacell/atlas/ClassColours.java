package org.hpacell.atlas;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One colour per class, light enough to stand out on a dark fluorescence image and as far from the
 * others as the class count allows. Negative (no localisation) is light grey. The other colours are
 * chosen once, greedily: from bright candidates (hues every 5 degrees, three saturations, two
 * brightnesses, CIELAB lightness at least {@value #MIN_LIGHTNESS}), each class in index order takes the
 * candidate farthest (CIE76 colour difference, Euclidean in CIELAB) from the colours already taken,
 * starting from red for class 0. The closest two of the 19 differ by about 30 (a difference of 10 is
 * already plain to see side by side).
 *
 * <p>The HTML report outlines cells in these colours and the GeoJSON export classifies cells with them,
 * so a cell has the same colour in both.
 */
public final class ClassColours {
    /** The least CIELAB lightness (0 black .. 100 white) of a colour, so outlines show on dark fields. */
    public static final double MIN_LIGHTNESS = 55;

    /** The colour of {@link Location#NEGATIVE}: no hue, as there is no localisation. */
    public static final Color NEGATIVE = new Color(200, 200, 200);

    private static final Color[] COLOURS = choose();

    private ClassColours() {
    }

    /** The colour of a class. */
    public static Color colour(Location c) {
        return COLOURS[c.index()];
    }

    /** The colour as {@code #rrggbb}. */
    public static String css(Location c) {
        Color k = colour(c);
        return String.format(Locale.ROOT, "#%02x%02x%02x", k.getRed(), k.getGreen(), k.getBlue());
    }

    /** The colour as {@code [red, green, blue]}, each 0..255. */
    public static int[] rgb(Location c) {
        Color k = colour(c);
        return new int[] {k.getRed(), k.getGreen(), k.getBlue()};
    }

    /** Greedy farthest-point choice of the class colours (see the class comment). */
    private static Color[] choose() {
        List<Color> candidates = new ArrayList<>();
        for (int hue = 0; hue < 360; hue += 5) {
            for (float s : new float[] {0.45f, 0.7f, 0.95f}) {
                for (float b : new float[] {0.8f, 1.0f}) {
                    Color c = Color.getHSBColor(hue / 360f, s, b);
                    if (lab(c)[0] >= MIN_LIGHTNESS) {
                        candidates.add(c);
                    }
                }
            }
        }
        Color[] out = new Color[Location.COUNT];
        List<Color> taken = new ArrayList<>(List.of(NEGATIVE));
        out[Location.NEGATIVE.index()] = NEGATIVE;
        for (Location l : Location.all()) {
            if (l == Location.NEGATIVE) {
                continue;
            }
            Color chosen = taken.size() == 1 ? Color.getHSBColor(0f, 0.7f, 1.0f) : farthest(candidates, taken);
            out[l.index()] = chosen;
            taken.add(chosen);
        }
        return out;
    }

    /** The candidate whose nearest taken colour is farthest (the first such on ties). */
    private static Color farthest(List<Color> candidates, List<Color> taken) {
        Color best = null;
        double bestDistance = -1;
        for (Color c : candidates) {
            double nearest = Double.MAX_VALUE;
            for (Color t : taken) {
                nearest = Math.min(nearest, difference(c, t));
            }
            if (nearest > bestDistance) {
                bestDistance = nearest;
                best = c;
            }
        }
        return best;
    }

    /** The CIE76 colour difference: the Euclidean distance of the two colours in CIELAB. */
    static double difference(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    /** sRGB to CIELAB {L, a, b} under the D65 white point. */
    static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    /** An 8-bit sRGB value to linear light in [0, 1]. */
    private static double linear(int v) {
        double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The CIELAB companding function (cube root, linear near black). */
    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
