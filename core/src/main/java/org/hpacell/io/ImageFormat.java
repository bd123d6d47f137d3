package org.hpacell.io;

import java.nio.file.Path;
import java.util.Locale;

/** The image file formats hpacell reads and writes, chosen by file-name extension. */
public enum ImageFormat {
    /** Portable Network Graphics ({@code .png}). */
    PNG("png", "png"),
    /** Tagged Image File Format ({@code .tif}, {@code .tiff}); written uncompressed. */
    TIFF("tiff", "tif", "tiff");

    private final String imageIoName;
    private final String[] extensions;

    ImageFormat(String imageIoName, String... extensions) {
        this.imageIoName = imageIoName;
        this.extensions = extensions;
    }

    /** The format name {@link javax.imageio.ImageIO} knows it by. */
    public String imageIoName() {
        return imageIoName;
    }

    /** The usual extension, without the dot ({@code "png"}, {@code "tif"}). */
    public String extension() {
        return extensions[0];
    }

    /** The format of a file name's extension (case-insensitive), or {@code null} if it is none of them. */
    public static ImageFormat ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The format of a path's extension.
     *
     * @throws IllegalArgumentException if the extension is not {@code .png}, {@code .tif} or {@code .tiff}
     */
    public static ImageFormat of(Path path) {
        ImageFormat f = ofFileName(path.getFileName().toString());
        if (f == null) {
            throw new IllegalArgumentException(path + ": unknown image extension (use .png, .tif or .tiff)");
        }
        return f;
    }
}
