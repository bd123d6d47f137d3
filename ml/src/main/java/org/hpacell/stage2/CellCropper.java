package org.hpacell.stage2;

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

    private final int padding;

    public CellCropper(int padding) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        this.padding = padding;
    }

    /** A cropper with {@link #DEFAULT_PADDING}. */
    public static CellCropper withDefaultPadding() {
        return new CellCropper(DEFAULT_PADDING);
    }

    public int padding() {
        return padding;
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
        Box b = cell.box().padded(padding, field.width(), field.height());
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
        }
        FieldImage image = new FieldImage(CellCrop.cropId(field.id(), cell.id()), b.width(), b.height(),
                field.bitDepth(), planes);
        return new CellCrop(field.id(), cell.id(), b, image);
    }
}
