package org.hpacell.segment;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hpacell.image.LabelImage;

/** Reads the fixture PNGs (8-bit RGB predictions, 16-bit label images) for the tests. */
final class TestPngs {
    private TestPngs() {
    }

    static Raster raster(Path path) throws IOException {
        BufferedImage img = ImageIO.read(path.toFile());
        if (img == null) {
            throw new IOException(path + ": not a readable image");
        }
        return img.getRaster();
    }

    /** An RGB network output: green = border, blue = foreground. */
    static HpaPrediction prediction(Path path) throws IOException {
        Raster r = raster(path);
        int w = r.getWidth();
        int h = r.getHeight();
        return new HpaPrediction(w, h, r.getSamples(0, 0, w, h, 1, (int[]) null), r.getSamples(0, 0, w, h, 2, (int[]) null));
    }

    static LabelImage labels(Path path) throws IOException {
        Raster r = raster(path);
        int w = r.getWidth();
        int h = r.getHeight();
        return new LabelImage(w, h, r.getSamples(0, 0, w, h, 0, (int[]) null));
    }

    /** The shared reference folder ({@code hpacell.shared}). */
    static Path shared() {
        String s = System.getProperty("hpacell.shared");
        if (s == null) {
            throw new IllegalStateException("system property hpacell.shared is not set");
        }
        return Path.of(s);
    }
}
