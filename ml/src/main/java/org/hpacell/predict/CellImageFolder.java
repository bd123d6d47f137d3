package org.hpacell.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.BadInputException;
import org.hpacell.io.ImageFiles;

/**
 * Cells segmented beforehand: a folder of cell label images (16-bit PNG/TIFF, 0 = background), field
 * {@code ID}'s found under the first existing name of {@link #PATTERNS} - the names the HPA tools
 * ({@code ID_cellmask.png}), the synthetic atlas ({@code truth/ID_cells.png}) and {@code hpacell cams}
 * ({@code ID.png}) use.
 */
public final class CellImageFolder implements FieldModels.CellSource {
    /** File names tried, in order ({@code %s} is the field id). */
    public static final List<String> PATTERNS =
            List.of("%s_cellmask.png", "%s_cells.png", "%s.png", "%s_cellmask.tif", "%s_cells.tif", "%s.tif");

    private final Path dir;

    public CellImageFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * The cell image file of field {@code id}.
     *
     * @throws BadInputException naming the folder and the names tried if there is none
     */
    public Path file(String id) throws IOException {
        for (String pattern : PATTERNS) {
            Path f = dir.resolve(String.format(pattern, id));
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new BadInputException(dir, "has no cell label image for field " + id + " (tried "
                + String.join(", ", PATTERNS).replace("%s", id) + ")");
    }

    /** The cells of field {@code id}. */
    public LabelImage read(String id) throws IOException {
        return ImageFiles.readLabels(file(id));
    }

    /** @throws BadInputException if the image is missing or its size differs from the field's */
    @Override
    public LabelImage cells(FieldImage field) throws IOException {
        Path f = file(field.id());
        LabelImage cells = ImageFiles.readLabels(f);
        if (cells.width() != field.width() || cells.height() != field.height()) {
            throw new BadInputException(f, "is " + cells.width() + "x" + cells.height() + " but field " + field.id()
                    + " is " + field.width() + "x" + field.height());
        }
        return cells;
    }
}
