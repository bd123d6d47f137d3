package org.hpacell.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hpacell.atlas.ClassColours;
import org.hpacell.atlas.Location;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamPreview;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.RgbImage;

/**
 * One field in the report: the image with each cell outlined in the colour of its most confident class
 * (an inline SVG whose cells show their confidences on hover and carry their number), the class
 * activation maps of the field's most probable classes beside it, and a table of every cell's classes.
 */
final class FieldView {
    /** Longest side, in pixels, of the pictures embedded (larger fields are reduced). */
    static final int MAX_SIDE = 512;
    /** Displayed size of the overlay's longer side, in CSS pixels. */
    private static final int DISPLAY = 360;
    /** Displayed size of a class map's longer side, in CSS pixels. */
    private static final int MAP_DISPLAY = 160;
    /** Class maps shown per field (the most probable classes first). */
    private static final int MAPS_SHOWN = 2;
    /** Classes listed per cell in the table besides the top one. */
    private static final int RUNNERS_UP = 2;

    private FieldView() {
    }

    /**
     * The markup of one field.
     *
     * @param cells the field's predicted cells
     * @param field the field's image, if at hand (otherwise outlines are drawn on black)
     * @param maps  the field's stage-1 class maps, if any
     */
    static String html(PredictedCells cells, Optional<FieldImage> field, Optional<CamMaps> maps) {
        LabelImage full = cells.labels();
        int k = FieldPictures.factor(full.width(), full.height(), MAX_SIDE);
        RgbImage background = field.map(FieldPictures::composite)
                .filter(c -> c.width() == full.width() && c.height() == full.height())
                .orElseGet(() -> black(full.width(), full.height()));
        LabelImage labels = FieldPictures.shrink(full, k);
        int[] colour = new int[cells.cells().size() + 1];
        for (PredictedCells.Cell c : cells.cells()) {
            colour[c.number()] = ClassColours.colour(c.top()).getRGB() & 0xffffff;
        }
        RgbImage picture = FieldPictures.outlined(FieldPictures.shrink(background, k), labels, colour);

        StringBuilder sb = new StringBuilder("<div class=\"field\" id=\"field-")
                .append(HtmlDocument.escape(cells.id())).append("\">\n<figure style=\"width:").append(DISPLAY)
                .append("px\">")
                .append(overlay(cells, labels, picture, k))
                .append("<figcaption>").append(HtmlDocument.escape(cells.id())).append(": ")
                .append(cells.cells().size()).append(" cells, outlined in the colour of their most confident class")
                .append(k > 1 ? " (shown at 1/" + k + " scale)" : "").append(". Hover over a cell for its confidences.")
                .append("</figcaption></figure>\n");
        maps.ifPresent(m -> sb.append(mapFigures(m, field, k)));
        sb.append(table(cells)).append("</div>\n");
        return sb.toString();
    }

    private static RgbImage black(int w, int h) {
        return new RgbImage(w, h, new int[w * h], new int[w * h], new int[w * h]);
    }

    /** The picture in an SVG, with one hover target per cell (its pixels as horizontal runs) and its number. */
    private static String overlay(PredictedCells cells, LabelImage labels, RgbImage picture, int k) {
        int w = labels.width();
        int h = labels.height();
        double scale = (double) DISPLAY / Math.max(w, h);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg class=\"overlay\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                        + "height=\"%d\" style=\"font-size:%.1fpx\" role=\"img\" aria-label=\"cells of %s\">",
                w, h, Math.round(w * scale), Math.round(h * scale), Math.max(6.0, 13 / scale),
                HtmlDocument.escape(cells.id())));
        sb.append(String.format(Locale.ROOT,
                "<image width=\"%d\" height=\"%d\" style=\"image-rendering:pixelated\" href=\"%s\"/>", w, h,
                DataUri.png(picture)));
        StringBuilder[] paths = new StringBuilder[cells.cells().size() + 1];
        // centroids of the pixel centres (x + 0.5, y + 0.5), for the cell numbers
        double[] sumX = new double[paths.length];
        double[] sumY = new double[paths.length];
        long[] count = new long[paths.length];
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                int label = labels.get(x, y);
                int start = x;
                while (x < w && labels.get(x, y) == label) {
                    x++;
                }
                if (label != 0) {
                    if (paths[label] == null) {
                        paths[label] = new StringBuilder();
                    }
                    paths[label].append('M').append(start).append(' ').append(y).append('h').append(x - start)
                            .append("v1h-").append(x - start).append('z');
                    sumX[label] += (start + x) * (x - start) / 2.0;
                    sumY[label] += (y + 0.5) * (x - start);
                    count[label] += x - start;
                }
            }
        }
        for (PredictedCells.Cell c : cells.cells()) {
            int n = c.number();
            if (paths[n] == null) {
                continue; // too small to survive the reduction
            }
            sb.append("<path class=\"cell\" d=\"").append(paths[n]).append("\"><title>")
                    .append(HtmlDocument.escape(tooltip(c))).append("</title></path>");
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                    + "dominant-baseline=\"middle\">%d</text>", sumX[n] / count[n], sumY[n] / count[n], n));
        }
        return sb.append("</svg>").toString();
    }

    private static String tooltip(PredictedCells.Cell c) {
        StringBuilder sb = new StringBuilder("Cell ").append(c.number());
        List<Location> ranked = c.ranked();
        for (int i = 0; i < Math.min(5, ranked.size()); i++) {
            Location l = ranked.get(i);
            sb.append(String.format(Locale.ROOT, "%n%s: %.3f", l.displayName(), c.confidence(l)));
        }
        return sb.toString();
    }

    /** The maps of the most probable classes, over the protein channel when the field is at hand. */
    private static String mapFigures(CamMaps maps, Optional<FieldImage> field, int k) {
        float[] p = maps.probabilities();
        Integer[] order = new Integer[p.length];
        for (int c = 0; c < p.length; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
        boolean sameSize = field.map(f -> f.width() == maps.width() && f.height() == maps.height()).orElse(false);
        double scale = (double) MAP_DISPLAY / (Math.max(maps.width(), maps.height()) / (double) k);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAPS_SHOWN, p.length); i++) {
            int c = order[i];
            RgbImage picture = sameSize ? CamPreview.overlay(field.get(), maps, c)
                    : FieldPictures.heat(maps.array(), maps.offset(c), maps.width(), maps.height());
            RgbImage small = FieldPictures.shrink(picture, k);
            String name = c < Location.COUNT ? Location.of(c).displayName() : "class " + c;
            sb.append(String.format(Locale.ROOT, "<figure style=\"width:%dpx\"><img class=\"map\" width=\"%d\" "
                            + "height=\"%d\" alt=\"%s\" src=\"%s\"><figcaption>Class activation map: %s<br>image "
                            + "probability %.3f</figcaption></figure>\n", MAP_DISPLAY,
                    Math.round(small.width() * scale), Math.round(small.height() * scale),
                    HtmlDocument.escape("class activation map of " + name), DataUri.png(small),
                    HtmlDocument.escape(name), p[c]));
        }
        return sb.toString();
    }

    private static String table(PredictedCells cells) {
        StringBuilder sb = new StringBuilder("<div class=\"cells\"><table><tr><th>cell</th><th>top class"
                + "</th><th>confidence</th><th>next classes</th></tr>\n");
        for (PredictedCells.Cell c : cells.cells()) {
            List<Location> ranked = c.ranked();
            Location top = ranked.get(0);
            sb.append("<tr><td class=\"num\">").append(c.number()).append("</td><td>").append(ClassSwatch.of(top))
                    .append(String.format(Locale.ROOT, "</td><td class=\"num\">%.3f</td><td>", c.confidence(top)));
            for (int i = 1; i <= Math.min(RUNNERS_UP, ranked.size() - 1); i++) {
                Location l = ranked.get(i);
                sb.append(i > 1 ? "; " : "").append(HtmlDocument.escape(l.displayName()))
                        .append(String.format(Locale.ROOT, " %.3f", c.confidence(l)));
            }
            sb.append("</td></tr>\n");
        }
        return sb.append("</table></div>\n").toString();
    }
}
