package org.hpacell.cli;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.BadInputException;

/** Reads and writes binary masks as PNG images for {@code hpacell mask}. */
final class MaskPngFiles {
    private MaskPngFiles() {
    }

    /**
     * The nonzero pixels of an image: for grayscale (8- or 16-bit) the value, for colour any of the colour
     * channels (alpha is not looked at), for a palette image the colour the index stands for.
     *
     * @throws IllegalArgumentException naming the file if it is missing or not a readable image
     */
    static BinaryMask read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) { // a truncated or damaged image: ImageIO's message names neither
            throw new BadInputException(file, "not a readable image (truncated or damaged: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")", e);
        }
        if (img == null) {
            throw new IllegalArgumentException(file + ": not a readable image (PNG, 8/16-bit gray or RGB)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean[] full = new boolean[w * h];
        if (img.getColorModel() instanceof IndexColorModel) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    full[y * w + x] = (img.getRGB(x, y) & 0xFFFFFF) != 0;
                }
            }
        } else {
            Raster r = img.getRaster();
            int bands = img.getColorModel().getNumColorComponents();
            int[] row = new int[w];
            for (int b = 0; b < bands; b++) {
                for (int y = 0; y < h; y++) {
                    r.getSamples(0, y, w, 1, b, row);
                    for (int x = 0; x < w; x++) {
                        if (row[x] != 0) {
                            full[y * w + x] = true;
                        }
                    }
                }
            }
        }
        return BinaryMask.ofRowMajor(w, h, full);
    }

    /** Writes an 8-bit grayscale PNG, 255 inside the mask and 0 outside, atomically. */
    static void write(BinaryMask mask, Path file) throws IOException {
        BufferedImage img = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        boolean[] full = mask.toRowMajor();
        for (int i = 0; i < full.length; i++) {
            data[i] = full[i] ? (byte) 255 : 0;
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
