package org.hpacell.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hpacell.image.LabelImage;

/**
 * Reads and writes single images as PNG or TIFF ({@link ImageFormat}, chosen on writing by the file's
 * extension, on reading by its content) through {@code javax.imageio}, at full sample precision.
 *
 * <p>Reading keeps the stored values: a 16-bit sample 65000 reads back as 65000 (samples are taken
 * from the decoded raster, never through colour conversion such as {@code BufferedImage.getRGB},
 * which would cut them to 8 bits). Every failure to read names the file and the problem in a
 * {@link BadInputException}: a missing file, content that is not PNG or TIFF, a truncated or corrupt
 * file, or an image of the wrong kind (colour where grayscale is expected, float samples, ...).
 *
 * <p>Writing clamps values into the range of the bit depth and goes through {@link AtomicFiles}, so
 * a target is either the old file or the complete new one. All methods are thread-safe.
 */
public final class ImageFiles {
    /**
     * PNG compression "quality" passed to the JDK writer (1 = fastest, 0 = smallest). Measured on a real
     * 2048x2048 16-bit HPA channel (docs/BENCHMARKS.md): 0.75 writes in 60-80% of the time of the JDK
     * default (0.5) for files 5.6% larger; the synthetic atlas writes many fields, so speed wins.
     */
    private static final float PNG_COMPRESSION_QUALITY = 0.75f;

    private ImageFiles() {
    }

    // ---------------------------------------------------------------------------------------- reading

    /**
     * Reads a single-band image (8- or 16-bit, or a packed 1/2/4-bit grayscale PNG) with its raw values
     * and bit depth. A palette image is accepted only if its palette is gray (its indices are then the
     * values).
     *
     * @throws BadInputException if the file is missing, not a PNG/TIFF image, truncated, or not grayscale
     */
    public static GrayImage readGray(Path path) throws IOException {
        BufferedImage img = decode(path);
        Raster r = img.getRaster();
        ColorModel cm = img.getColorModel();
        if (r.getNumBands() != 1) {
            throw new BadInputException(path,
                    "has " + r.getNumBands() + " bands (colour or alpha); expected a grayscale image");
        }
        if (cm instanceof IndexColorModel icm && !isGrayPalette(icm)) {
            throw new BadInputException(path, "is a colour palette image; expected a grayscale image");
        }
        int depth = requireIntegerSamples(path, r);
        return new GrayImage(r.getWidth(), r.getHeight(), depth, RasterSamples.band(r, 0));
    }

    /**
     * Reads an 8-bit RGB image (an alpha band, if present, is ignored) into its three planes.
     *
     * @throws BadInputException if the file is missing, not a PNG/TIFF image, truncated, or not 8-bit RGB
     */
    public static RgbImage readRgb(Path path) throws IOException {
        BufferedImage img = decode(path);
        Raster r = img.getRaster();
        if (img.getColorModel() instanceof IndexColorModel || (r.getNumBands() != 3 && r.getNumBands() != 4)) {
            throw new BadInputException(path, "has " + r.getNumBands() + " band(s)"
                    + (img.getColorModel() instanceof IndexColorModel ? " with a palette" : "")
                    + "; expected an 8-bit RGB image");
        }
        int depth = requireIntegerSamples(path, r);
        if (depth != 8) {
            throw new BadInputException(path, "has " + depth + "-bit samples; expected an 8-bit RGB image");
        }
        return new RgbImage(r.getWidth(), r.getHeight(),
                RasterSamples.band(r, 0), RasterSamples.band(r, 1), RasterSamples.band(r, 2));
    }

    /**
     * Reads a label image stored as 8- or 16-bit grayscale (0 = background, k = object k).
     *
     * @throws BadInputException as {@link #readGray(Path)}
     */
    public static LabelImage readLabels(Path path) throws IOException {
        GrayImage g = readGray(path);
        return new LabelImage(g.width(), g.height(), g.pixels());
    }

    private static BufferedImage decode(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(path, Files.exists(path) ? "is not a regular file" : "no such file");
        }
        try (ImageInputStream in = new FileImageInputStream(path.toFile())) {
            ImageReader reader = pngOrTiffReader(path, in);
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                // The PNG and TIFF readers signal truncated data as IIOException, EOFException or, for
                // some corrupt headers, an unchecked exception: all mean the file cannot be decoded.
                throw new BadInputException(path, "cannot decode " + reader.getFormatName().toUpperCase(Locale.ROOT)
                        + " image (truncated or corrupt file): " + rootMessage(e), e);
            } finally {
                reader.dispose();
            }
        }
    }

    static ImageReader pngOrTiffReader(Path path, ImageInputStream in) throws IOException {
        Iterator<ImageReader> it = ImageIO.getImageReaders(in);
        String other = null;
        while (it.hasNext()) {
            ImageReader reader = it.next();
            String name = reader.getFormatName().toLowerCase(Locale.ROOT);
            if (name.equals("png") || name.startsWith("tif")) {
                return reader;
            }
            other = other == null ? name : other;
        }
        throw new BadInputException(path, other == null
                ? "not an image (content is neither PNG nor TIFF)"
                : "is a " + other.toUpperCase(Locale.ROOT) + " image; expected PNG or TIFF");
    }

    static int requireIntegerSamples(Path path, Raster r) throws BadInputException {
        int type = r.getDataBuffer().getDataType();
        int depth = r.getSampleModel().getSampleSize(0);
        if ((type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT) || depth > 16) {
            String kind = switch (type) {
                case DataBuffer.TYPE_FLOAT, DataBuffer.TYPE_DOUBLE -> "floating-point";
                case DataBuffer.TYPE_SHORT -> "signed 16-bit";
                default -> depth + "-bit";
            };
            throw new BadInputException(path,
                    "has " + kind + " samples; expected unsigned integers of at most 16 bits");
        }
        return depth;
    }

    private static boolean isGrayPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            int red = icm.getRed(i);
            if (red != icm.getGreen(i) || red != icm.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    // ---------------------------------------------------------------------------------------- writing

    /**
     * Writes a grayscale image at its bit depth, which must be 8 or 16; values are clamped into
     * {@code 0 .. maxValue}. The format follows the extension ({@code .png}, {@code .tif}, {@code .tiff}).
     */
    public static void writeGray(Path path, GrayImage image) throws IOException {
        requireWritableDepth(path, image.bitDepth());
        BufferedImage img = grayImage(image.width(), image.height(), image.bitDepth());
        int max = (1 << image.bitDepth()) - 1;
        int[] src = image.pixels();
        if (image.bitDepth() == 8) {
            byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < src.length; i++) {
                dst[i] = (byte) Math.min(max, Math.max(0, src[i]));
            }
        } else {
            short[] dst = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < src.length; i++) {
                dst[i] = (short) Math.min(max, Math.max(0, src[i]));
            }
        }
        write(path, img);
    }

    /**
     * Writes row-major float values as an 8- or 16-bit grayscale image: each value is rounded to the
     * nearest integer (halves up) and clamped into {@code 0 .. 2^bitDepth - 1}; NaN becomes 0.
     */
    public static void writeGray(Path path, int width, int height, int bitDepth, float[] values) throws IOException {
        if (values.length != width * height) {
            throw new IllegalArgumentException(
                    path + ": " + values.length + " values for a " + width + "x" + height + " image");
        }
        requireWritableDepth(path, bitDepth);
        if (ImageFormat.of(path) == ImageFormat.PNG) {
            PngEncoder.writeGray(path, width, height, bitDepth, values); // same rounding, several times faster
            return;
        }
        int max = (1 << bitDepth) - 1;
        int[] px = new int[values.length];
        for (int i = 0; i < px.length; i++) {
            float v = values[i];
            // Clamp in float first: (int) of a huge float saturates, but NaN must map to 0 explicitly.
            px[i] = v >= 0f ? (int) Math.min(max, Math.floor(v + 0.5f)) : 0;
        }
        writeGray(path, new GrayImage(width, height, bitDepth, px));
    }

    /** Writes an 8-bit RGB image (values clamped to 0..255). */
    public static void writeRgb(Path path, RgbImage image) throws IOException {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        var raster = img.getRaster();
        for (int band = 0; band < 3; band++) {
            int[] src = image.plane(band);
            int[] clamped = new int[src.length];
            for (int i = 0; i < src.length; i++) {
                clamped[i] = Math.min(255, Math.max(0, src[i]));
            }
            raster.setSamples(0, 0, image.width(), image.height(), band, clamped);
        }
        write(path, img);
    }

    /**
     * Writes a label image as a 16-bit grayscale image (PNG or TIFF by extension).
     *
     * @throws IllegalArgumentException naming the file, the id and a pixel if an id is negative or above 65535
     */
    public static void writeLabels(Path path, LabelImage labels) throws IOException {
        int[] a = labels.array();
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || a[i] > 65535) {
                throw new IllegalArgumentException(path + ": label id " + a[i] + " at (" + (i % labels.width()) + ","
                        + (i / labels.width()) + ") does not fit a 16-bit image (ids must be 0..65535)");
            }
        }
        if (ImageFormat.of(path) == ImageFormat.PNG) {
            PngEncoder.writeLabels(path, labels);
        } else {
            writeGray(path, new GrayImage(labels.width(), labels.height(), 16, a));
        }
    }

    private static BufferedImage grayImage(int width, int height, int bitDepth) {
        return new BufferedImage(width, height,
                bitDepth == 8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY);
    }

    private static void requireWritableDepth(Path path, int bitDepth) {
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException(path + ": can write 8- or 16-bit images, not " + bitDepth + "-bit");
        }
    }

    private static void write(Path path, RenderedImage img) throws IOException {
        ImageFormat format = ImageFormat.of(path);
        AtomicFiles.write(path, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format.imageIoName()).next();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = null;
                if (format == ImageFormat.PNG) {
                    param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(PNG_COMPRESSION_QUALITY);
                }
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }
}
