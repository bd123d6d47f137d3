package org.hpacell.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;

/**
 * Writes a field as an OME-TIFF through the JDK's TIFF plugin: one page per channel, in the order given,
 * at the field's bit depth (8 or 16), with OME-XML in the first page's ImageDescription naming each
 * page's channel. {@link TiffStack} reads it back to the same {@link FieldImage}. The file is written
 * atomically.
 */
public final class OmeTiffWriter {
    private OmeTiffWriter() {
    }

    /**
     * Writes {@code field} to {@code file}.
     *
     * @param pages the channel of each page, a permutation of the four
     * @param names the OME-XML channel name of each page (e.g. {@code "DAPI"}; the list's size is written as
     *              SizeC, so a list shorter than the pages makes a file {@link TiffStack} rejects), or
     *              {@code null} to write no OME-XML at all (a plain multi-page TIFF)
     */
    public static void write(Path file, FieldImage field, List<Channel> pages, List<String> names) throws IOException {
        if (pages.size() != Channel.COUNT || pages.stream().distinct().count() != Channel.COUNT) {
            throw new IllegalArgumentException("pages must hold each of the four channels once: " + pages);
        }
        if (field.bitDepth() != 8 && field.bitDepth() != 16) {
            throw new IllegalArgumentException(file + ": can write 8- or 16-bit fields, not " + field.bitDepth());
        }
        AtomicFiles.write(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                writer.prepareWriteSequence(null);
                for (int p = 0; p < pages.size(); p++) {
                    BufferedImage img = page(field, pages.get(p));
                    IIOMetadata md = null;
                    if (p == 0 && names != null) {
                        md = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
                        TIFFDirectory dir = TIFFDirectory.createFromMetadata(md);
                        TIFFTag tag = BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION);
                        dir.addTIFFField(new TIFFField(tag, TIFFTag.TIFF_ASCII, 1,
                                new String[] {omeXml(field, names)}));
                        md = dir.getAsMetadata();
                    }
                    writer.writeToSequence(new IIOImage(img, null, md), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static BufferedImage page(FieldImage field, Channel c) {
        BufferedImage img = new BufferedImage(field.width(), field.height(),
                field.bitDepth() == 8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        float[] v = field.channel(c);
        for (int y = 0, i = 0; y < field.height(); y++) {
            for (int x = 0; x < field.width(); x++, i++) {
                r.setSample(x, y, 0, Math.round(v[i]));
            }
        }
        return img;
    }

    /** Minimal OME-XML (schema 2016-06): one image, C pages, Z = T = 1. */
    static String omeXml(FieldImage field, List<String> names) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">")
                .append("<Image ID=\"Image:0\" Name=\"").append(escape(field.id())).append("\">")
                .append(String.format(Locale.ROOT, "<Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\" Type=\"%s\" "
                        + "SizeX=\"%d\" SizeY=\"%d\" SizeC=\"%d\" SizeZ=\"1\" SizeT=\"1\">",
                        field.bitDepth() == 8 ? "uint8" : "uint16", field.width(), field.height(), names.size()));
        for (int c = 0; c < names.size(); c++) {
            sb.append("<Channel ID=\"Channel:0:").append(c).append("\" Name=\"").append(escape(names.get(c)))
                    .append("\" SamplesPerPixel=\"1\"/>");
        }
        sb.append("<TiffData IFD=\"0\" PlaneCount=\"").append(names.size()).append("\"/>")
                .append("</Pixels></Image></OME>");
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
