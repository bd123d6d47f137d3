package org.hpacell.stage2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.hpacell.io.AtomicFiles;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.image.Box;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.image.LabelObject;

/**
 * Cuts every cell of a field out as a {@link CellCrop}, as the HPA challenge winner's cell model saw
 * them: bounding box plus {@code padding} pixels on each side (clipped at the field's border, so a
 * border cell's crop is smaller on that side rather than padded with zeros), pixels outside the cell
 * (background and other cells) zeroed. Resizing to the model's input size is left to the sample
 * pipeline that consumes the crops as fields.
 */
public final class CellCropper {
    /** The winner's padding: 20 pixels. */
    public static final int DEFAULT_PADDING = 20;
    /** The file in a cell classifier's run folder that records the crop geometry it was trained on. */
    public static final String GEOMETRY_FILE = "crop.properties";

    private final int padding;
    private final double paddingFraction;
    private final boolean perCellIntensity;
    /** The quantile of a cell's pixel values that per-cell intensity scaling maps to full scale. */
    public static final double INTENSITY_QUANTILE = 0.99;

    /** A cropper with a fixed padding of {@code padding} pixels. */
    public CellCropper(int padding) {
        this(padding, 0);
    }

    /**
     * A cropper whose padding grows with the cell: {@code padding + round(paddingFraction * longer box side)}
     * pixels. With a fraction alone, a cell fills the same share of its crop whatever the field's
     * resolution, so a model's input geometry follows the cell size (a cell of a 2048 px HPA field is
     * framed as one of a 256 px synthetic field).
     */
    public CellCropper(int padding, double paddingFraction) {
        this(padding, paddingFraction, false);
    }

    /**
     * A cropper as {@link #CellCropper(int, double)} that, with {@code perCellIntensity}, also rescales each
     * channel of a crop so that the cell's {@link #INTENSITY_QUANTILE} quantile of that channel becomes the
     * bit depth's full scale (values above are clipped). A cell model then sees a pattern's shape whatever
     * the cell's expression level or the field's exposure, which vary across cells by two orders of
     * magnitude; what it loses is the absolute level, which the image probability it is multiplied by
     * still carries.
     */
    public CellCropper(int padding, double paddingFraction, boolean perCellIntensity) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        if (!(paddingFraction >= 0 && paddingFraction <= 2)) {
            throw new IllegalArgumentException("padding fraction must be in [0, 2], got " + paddingFraction);
        }
        this.padding = padding;
        this.paddingFraction = paddingFraction;
        this.perCellIntensity = perCellIntensity;
    }

    /** Whether each crop's channels are rescaled by the cell's own intensity quantile. */
    public boolean perCellIntensity() {
        return perCellIntensity;
    }

    /** A cropper with {@link #DEFAULT_PADDING}. */
    public static CellCropper withDefaultPadding() {
        return new CellCropper(DEFAULT_PADDING);
    }

    /** The fixed part of the padding, in pixels. */
    public int padding() {
        return padding;
    }

    /** The part of the padding that is a fraction of the cell's longer box side. */
    public double paddingFraction() {
        return paddingFraction;
    }

    /** The padding of a cell with box {@code b}, in pixels. */
    public int paddingOf(Box b) {
        return padding + (int) Math.round(paddingFraction * Math.max(b.width(), b.height()));
    }

    /** Scales the cell's pixels of one crop channel so that its intensity quantile becomes {@code full}. */
    private static void rescale(float[] plane, Box b, int[] labels, int fieldWidth, int cellId, float full) {
        int n = 0;
        float[] values = new float[plane.length];
        for (int r = 0; r < b.height(); r++) {
            int s = (b.y() + r) * fieldWidth + b.x();
            for (int x = 0; x < b.width(); x++) {
                if (labels[s + x] == cellId) {
                    values[n++] = plane[r * b.width() + x];
                }
            }
        }
        if (n == 0) {
            return;
        }
        java.util.Arrays.sort(values, 0, n);
        float q = values[Math.min(n - 1, (int) Math.floor(INTENSITY_QUANTILE * (n - 1)))];
        if (!(q > 0)) {
            return; // an empty channel stays empty
        }
        float k = full / q;
        for (int i = 0; i < plane.length; i++) {
            plane[i] = Math.min(full, plane[i] * k);
        }
    }

    /** Records this geometry in a cell classifier's run folder ({@link #GEOMETRY_FILE}). */
    public void writeTo(Path run) throws IOException {
        Files.createDirectories(run);
        AtomicFiles.writeString(run.resolve(GEOMETRY_FILE), String.format(Locale.ROOT,
                "padding=%d%npaddingFraction=%s%nperCellIntensity=%s%n", padding, Double.toString(paddingFraction),
                perCellIntensity));
    }

    /**
     * The geometry a run was trained on, or {@code fallback} for a run written before runs recorded it.
     *
     * @throws IOException naming the file if it exists but is malformed
     */
    public static CellCropper of(Path run, CellCropper fallback) throws IOException {
        Path f = run.resolve(GEOMETRY_FILE);
        if (!Files.exists(f)) {
            return fallback;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(f)) {
            p.load(in);
            return new CellCropper(Integer.parseInt(p.getProperty("padding", "").trim()),
                    Double.parseDouble(p.getProperty("paddingFraction", "").trim()),
                    Boolean.parseBoolean(p.getProperty("perCellIntensity", "false").trim()));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": not a crop geometry (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The crops of all cells, in ascending cell id order.
     *
     * @throws IllegalArgumentException if the field and the cell image differ in size
     */
    public List<CellCrop> crops(FieldImage field, LabelImage cells) {
        if (field.width() != cells.width() || field.height() != cells.height()) {
            throw new IllegalArgumentException("field " + field.id() + " is " + field.width() + "x" + field.height()
                    + " but its cell image is " + cells.width() + "x" + cells.height());
        }
        List<CellCrop> out = new ArrayList<>();
        for (LabelObject o : cells.objects()) {
            out.add(crop(field, cells, o));
        }
        return out;
    }

    /** The crop of one object of {@code cells} (which must be the field's cell image). */
    public CellCrop crop(FieldImage field, LabelImage cells, LabelObject cell) {
        Box b = cell.box().padded(paddingOf(cell.box()), field.width(), field.height());
        int[] labels = cells.array();
        float[][] planes = new float[Channel.COUNT][b.width() * b.height()];
        for (Channel c : Channel.values()) {
            float[] src = field.channel(c);
            float[] dst = planes[c.ordinal()];
            for (int r = 0; r < b.height(); r++) {
                int s = (b.y() + r) * field.width() + b.x();
                int d = r * b.width();
                for (int x = 0; x < b.width(); x++) {
                    // only the cell's own pixels survive; background and neighbours become 0
                    dst[d + x] = labels[s + x] == cell.id() ? src[s + x] : 0f;
                }
            }
            if (perCellIntensity) {
                rescale(dst, b, labels, field.width(), cell.id(), field.maxValue());
            }
        }
        FieldImage image = new FieldImage(CellCrop.cropId(field.id(), cell.id()), b.width(), b.height(),
                field.bitDepth(), planes);
        return new CellCrop(field.id(), cell.id(), b, image);
    }
}
