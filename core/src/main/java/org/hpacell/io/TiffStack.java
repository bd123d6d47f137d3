package org.hpacell.io;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;

/**
 * Reads a field stored as one multi-channel TIFF: an OME-TIFF ({@code ID.ome.tif}, OME-XML in the first
 * ImageDescription) or a plain TIFF whose pages (or, in a single page, whose samples) are the channels,
 * 8- or 16-bit, through the JDK's TIFF plugin ({@code javax.imageio}, Java 9 and later).
 *
 * <p>Which plane is which channel: an explicit order ({@code --channels}, {@link ChannelNames#parseOrder})
 * first; else the OME-XML channel names ({@link ChannelNames#of}) when any of them names a channel, in
 * which case all four must be there; else planes 0..3 are red, green, blue, yellow. The samples read are
 * exactly the stored values, so a field gives the same {@link FieldImage} as its channels saved as PNGs.
 *
 * <p>Every problem is one {@link BadInputException} naming the file: not a TIFF, bad OME-XML, a missing
 * channel, Z or T planes besides the channel axis, planes of differing size or bit depth.
 */
public final class TiffStack {
    private TiffStack() {
    }

    /**
     * Reads the field in {@code file}.
     *
     * @param order the plane of each channel by {@link Channel#ordinal()} (as {@link ChannelNames#parseOrder}
     *              gives it), or {@code null} to take it from the file
     * @throws BadInputException naming the file and the problem
     */
    public static FieldImage read(String id, Path file, int[] order) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, Files.exists(file) ? "is not a regular file" : "no such file");
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            ImageReader reader = ImageFiles.pngOrTiffReader(file, in);
            try {
                reader.setInput(in, false, false);
                return read(id, file, reader, order);
            } catch (BadInputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                throw new BadInputException(file, "cannot decode TIFF image (truncated or corrupt file): "
                        + ImageFiles.rootMessage(e), e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static FieldImage read(String id, Path file, ImageReader reader, int[] order) throws IOException {
        if (!reader.getFormatName().toLowerCase(Locale.ROOT).startsWith("tif")) {
            throw new BadInputException(file, "is a " + reader.getFormatName().toUpperCase(Locale.ROOT)
                    + " image; a field in one file must be a (multi-page) TIFF");
        }
        int pages = reader.getNumImages(true);
        String description = description(reader.getImageMetadata(0));
        OmeXml ome = null;
        if (OmeXml.looksLikeOme(description)) {
            ome = OmeXml.parse(description);
        } else if (file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.ome\\.tiff?")) {
            throw new BadInputException(file, "has no OME-XML in its first ImageDescription (an .ome.tif must)");
        }
        List<Raster> planes = planes(file, reader, pages, ome);
        int[] plane = order != null ? order : planeOrder(file, planes.size(), ome);
        float[][] data = new float[Channel.COUNT][];
        Raster first = null;
        int depth = 0;
        for (Channel c : Channel.values()) {
            int p = plane[c.ordinal()];
            if (p >= planes.size()) {
                throw new BadInputException(file, "has " + planes.size() + " planes; channel " + c.suffix()
                        + " should be plane " + p);
            }
            Raster r = planes.get(p);
            int d = ImageFiles.requireIntegerSamples(file, r);
            if (d != 8 && d != 16) {
                throw new BadInputException(file, "plane " + p + " is " + d + "-bit; HPA channels must be 8- or 16-bit");
            }
            if (first == null) {
                first = r;
                depth = d;
            } else if (r.getWidth() != first.getWidth() || r.getHeight() != first.getHeight() || d != depth) {
                throw new BadInputException(file, "plane " + p + " is " + r.getWidth() + "x" + r.getHeight() + " "
                        + d + "-bit, plane " + plane[0] + " " + first.getWidth() + "x" + first.getHeight() + " "
                        + depth + "-bit (the channels of a field must share size and bit depth)");
            }
            int[] samples = RasterSamples.band(r, planes.size() == pages ? 0 : p);
            data[c.ordinal()] = new GrayImage(r.getWidth(), r.getHeight(), d, samples).toFloats();
        }
        return new FieldImage(id, first.getWidth(), first.getHeight(), depth, data);
    }

    /**
     * The channel planes: every page when there are several (each must be single-band), else the bands of
     * the single page (the same raster once per band).
     */
    private static List<Raster> planes(Path file, ImageReader reader, int pages, OmeXml ome) throws IOException {
        if (ome != null && (ome.sizeZ() > 1 || ome.sizeT() > 1)) {
            throw new BadInputException(file, "has SizeZ=" + ome.sizeZ() + " and SizeT=" + ome.sizeT()
                    + " in its OME-XML; a field must have one plane per channel (only a channel axis)");
        }
        List<Raster> out = new ArrayList<>();
        if (pages == 1) {
            Raster r = reader.read(0).getRaster();
            for (int b = 0; b < r.getNumBands(); b++) {
                out.add(r);
            }
        } else {
            for (int p = 0; p < pages; p++) {
                Raster r = reader.read(p).getRaster();
                if (r.getNumBands() != 1) {
                    throw new BadInputException(file, "page " + p + " has " + r.getNumBands()
                            + " bands; in a multi-page field every page must be one grayscale channel");
                }
                out.add(r);
            }
        }
        if (ome != null && ome.sizeC() != out.size()) {
            throw new BadInputException(file, "has " + out.size() + " planes but its OME-XML says SizeC="
                    + ome.sizeC() + " (the channel axis must be the pages or the samples of one page)");
        }
        return out;
    }

    /** The plane of each channel: from the OME-XML names if any names a channel, else the first four in order. */
    private static int[] planeOrder(Path file, int planes, OmeXml ome) throws BadInputException {
        if (ome != null) {
            int[] plane = {-1, -1, -1, -1};
            boolean named = false;
            for (int c = 0; c < ome.sizeC(); c++) {
                Channel k = ChannelNames.of(ome.channelNames().get(c));
                if (k == null) {
                    continue;
                }
                named = true;
                if (plane[k.ordinal()] >= 0) {
                    throw new BadInputException(file, "OME-XML channels '" + ome.channelNames().get(plane[k.ordinal()])
                            + "' and '" + ome.channelNames().get(c) + "' both name " + k.suffix());
                }
                plane[k.ordinal()] = ome.ifdOfChannel()[c];
            }
            if (named) {
                for (Channel k : Channel.values()) {
                    if (plane[k.ordinal()] < 0) {
                        throw new BadInputException(file, "missing channel " + k.suffix() + ": no OME-XML channel "
                                + "is named for it (channels " + ome.channelNames() + "; give --channels to map them)");
                    }
                }
                return plane;
            }
        }
        if (planes != Channel.COUNT) {
            throw new BadInputException(file, "has " + planes + " channel planes and no channel names hpacell "
                    + "knows; give --channels to say which plane is which");
        }
        return ome != null ? ome.ifdOfChannel().clone() : new int[] {0, 1, 2, 3};
    }

    private static String description(IIOMetadata metadata) {
        try {
            TIFFField f = TIFFDirectory.createFromMetadata(metadata).getTIFFField(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION);
            return f == null ? null : f.getAsString(0);
        } catch (javax.imageio.metadata.IIOInvalidTreeException e) {
            return null;
        }
    }
}
