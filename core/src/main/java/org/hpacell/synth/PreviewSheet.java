package org.hpacell.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.io.AtomicFiles;

/**
 * A contact sheet for people: per field, the RGB composite (red and yellow to red, green and yellow to
 * green, blue to blue) and the protein channel alone with every cell outlined in the colour of its
 * first class and its label set written at its centre; a legend of class colours below. Each channel
 * is stretched for display from 0 to its 99.7th percentile. Fields are reduced to thumbnails as they
 * are added, so the sheet never holds full-size fields.
 */
public final class PreviewSheet {
    /** One distinct colour per class index. */
    static final Color[] CLASS_COLORS = palette();

    private final int tile;
    private final int columns;
    /** Thumbnails by field index, so the sheet's order does not depend on which worker finished first. */
    private final java.util.SortedMap<Long, BufferedImage[]> tiles = new java.util.TreeMap<>();

    /**
     * @param tile    side of each thumbnail in pixels
     * @param columns fields per row
     */
    public PreviewSheet(int tile, int columns) {
        if (tile < 16 || columns < 1) {
            throw new IllegalArgumentException("preview tile must be >= 16 px and columns >= 1");
        }
        this.tile = tile;
        this.columns = columns;
    }

    /** Adds field {@code index} (reduced to two thumbnails at once); the sheet orders fields by index. */
    public synchronized void add(long index, SyntheticField f) {
        FieldImage img = f.image();
        float[][] small = new float[Channel.COUNT][];
        for (Channel c : Channel.values()) {
            small[c.ordinal()] = stretch(shrink(img.channel(c), img.width(), img.height()));
        }
        int[] labels = sampleLabels(f.cells().array(), img.width(), img.height());
        BufferedImage composite = new BufferedImage(tile, tile, BufferedImage.TYPE_INT_RGB);
        BufferedImage protein = new BufferedImage(tile, tile, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < tile * tile; i++) {
            float r = small[0][i], g = small[1][i], b = small[2][i], yl = small[3][i];
            composite.setRGB(i % tile, i / tile, rgb(r + 0.5f * yl, g + 0.5f * yl, b));
            protein.setRGB(i % tile, i / tile, rgb(0, g, 0));
        }
        outline(protein, labels, f);
        tiles.put(index, new BufferedImage[] {composite, protein});
    }

    /** Number of fields added. */
    public synchronized int size() {
        return tiles.size();
    }

    /** Renders the sheet. */
    public synchronized BufferedImage render() {
        int n = Math.max(1, tiles.size());
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int gap = 4;
        int cellW = 2 * tile + gap;
        int legendH = 14 * ((Location.COUNT + 2) / 3) + 8;
        int width = Math.max(cols * (cellW + gap) + gap, 3 * 190);
        BufferedImage sheet = new BufferedImage(width, rows * (tile + gap) + gap + legendH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        int k = 0;
        for (BufferedImage[] t : tiles.values()) {
            int x = gap + (k % cols) * (cellW + gap), y = gap + (k / cols) * (tile + gap);
            g.drawImage(t[0], x, y, null);
            g.drawImage(t[1], x + tile + gap, y, null);
            k++;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int y0 = rows * (tile + gap) + gap + 12;
        for (Location l : Location.all()) {
            int col = l.index() % 3, row = l.index() / 3;
            g.setColor(CLASS_COLORS[l.index()]);
            g.fillRect(gap + col * 190, y0 + row * 14 - 9, 10, 10);
            g.setColor(Color.WHITE);
            g.drawString(l.index() + " " + l.displayName(), gap + col * 190 + 14, y0 + row * 14);
        }
        g.dispose();
        return sheet;
    }

    /** Writes the sheet as a PNG, atomically. */
    public void write(Path file) throws IOException {
        BufferedImage img = render();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available for " + file);
            }
        });
    }

    private void outline(BufferedImage img, int[] labels, SyntheticField f) {
        for (int y = 0; y < tile; y++) {
            for (int x = 0; x < tile; x++) {
                int v = labels[y * tile + x];
                if (v == 0) continue;
                boolean edge = (x > 0 && labels[y * tile + x - 1] != v) || (x < tile - 1 && labels[y * tile + x + 1] != v)
                        || (y > 0 && labels[(y - 1) * tile + x] != v) || (y < tile - 1 && labels[(y + 1) * tile + x] != v);
                if (edge) {
                    img.setRGB(x, y, CLASS_COLORS[f.labelsOf(v).indices()[0]].getRGB());
                }
            }
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, tile / 22)));
        g.setStroke(new BasicStroke(1));
        double[] sx = new double[f.cellCount() + 1], sy = new double[f.cellCount() + 1];
        int[] count = new int[f.cellCount() + 1];
        for (int i = 0; i < labels.length; i++) {
            int v = labels[i];
            sx[v] += i % tile;
            sy[v] += i / tile;
            count[v]++;
        }
        for (int id = 1; id <= f.cellCount(); id++) {
            if (count[id] < 20) continue;
            LabelSet s = f.labelsOf(id);
            String text = s.toString() + (f.isMitotic(id) ? "m" : "");
            int tx = (int) (sx[id] / count[id]) - g.getFontMetrics().stringWidth(text) / 2;
            int ty = (int) (sy[id] / count[id]) + 4;
            g.setColor(Color.BLACK);
            g.drawString(text, tx + 1, ty + 1);
            g.setColor(CLASS_COLORS[s.indices()[0]].brighter());
            g.drawString(text, tx, ty);
        }
        g.dispose();
    }

    /** Box-averages a channel to tile x tile. */
    private float[] shrink(float[] src, int w, int h) {
        float[] out = new float[tile * tile];
        for (int ty = 0; ty < tile; ty++) {
            int y0 = ty * h / tile, y1 = Math.max(y0 + 1, (ty + 1) * h / tile);
            for (int tx = 0; tx < tile; tx++) {
                int x0 = tx * w / tile, x1 = Math.max(x0 + 1, (tx + 1) * w / tile);
                double s = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) s += src[y * w + x];
                }
                out[ty * tile + tx] = (float) (s / ((y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }

    /** Scales to [0, 1] by the 99.7th percentile. */
    private static float[] stretch(float[] v) {
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        float top = Math.max(1e-6f, sorted[(int) (0.997 * (sorted.length - 1))]);
        for (int i = 0; i < v.length; i++) v[i] = Math.min(1f, v[i] / top);
        return v;
    }

    private int[] sampleLabels(int[] labels, int w, int h) {
        int[] out = new int[tile * tile];
        for (int ty = 0; ty < tile; ty++) {
            int y = Math.min(h - 1, (int) ((ty + 0.5) * h / tile));
            for (int tx = 0; tx < tile; tx++) {
                out[ty * tile + tx] = labels[y * w + Math.min(w - 1, (int) ((tx + 0.5) * w / tile))];
            }
        }
        return out;
    }

    private static int rgb(float r, float g, float b) {
        return (byte8(r) << 16) | (byte8(g) << 8) | byte8(b);
    }

    private static int byte8(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    private static Color[] palette() {
        Color[] c = new Color[Location.COUNT];
        for (int i = 0; i < c.length; i++) {
            // Golden-ratio hue steps give neighbouring class indices well separated hues.
            float hue = (float) ((i * 0.61803398875) % 1.0);
            c[i] = Color.getHSBColor(hue, 0.75f, 1f);
        }
        c[Location.NEGATIVE.index()] = new Color(150, 150, 150);
        return c;
    }
}
