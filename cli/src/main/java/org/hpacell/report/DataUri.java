package org.hpacell.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.hpacell.io.RgbImage;

/** Images as {@code data:} URIs, so the page carries its pictures inside itself. */
final class DataUri {
    private DataUri() {
    }

    /** A PNG's bytes as a data URI. */
    static String png(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** An image encoded as PNG, as a data URI. */
    static String png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("the JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG in memory", e);
        }
        return png(out.toByteArray());
    }

    /** An 8-bit RGB image as a PNG data URI. */
    static String png(RgbImage image) {
        return png(toBufferedImage(image));
    }

    static BufferedImage toBufferedImage(RgbImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int[] r = image.red();
        int[] g = image.green();
        int[] b = image.blue();
        int[] packed = new int[r.length];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (clamp(r[i]) << 16) | (clamp(g[i]) << 8) | clamp(b[i]);
        }
        out.setRGB(0, 0, image.width(), image.height(), packed, 0, image.width());
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
