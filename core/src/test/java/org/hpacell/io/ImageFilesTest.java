package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.hpacell.image.LabelImage;
import org.hpacell.image.LabelObject;
import org.hpacell.testing.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageFilesTest {
    @TempDir
    Path dir;

    /** Golden numbers from an independent PNG decoder (Python zlib + numpy unfiltering). */
    @Test
    void readsRealHpa16BitProteinChannelAtFullPrecision() throws IOException {
        GrayImage g = ImageFiles.readGray(TestResources.path("/hpa-sample/1000_A12_2_green.png"));
        assertEquals(2048, g.width());
        assertEquals(2048, g.height());
        assertEquals(16, g.bitDepth());
        assertEquals(65089, g.get(1124, 1837), "brightest pixel");
        assertEquals(889, g.get(1200, 300));
        assertEquals(0, g.get(600, 700));
        long sum = 0;
        int above8Bit = 0;
        for (int v : g.pixels()) {
            sum += v;
            if (v > 255) above8Bit++;
        }
        assertEquals(1_290_914_713L, sum);
        assertEquals(1_017_296, above8Bit);
    }

    @Test
    void readsRealHpa16BitCellMask() throws IOException {
        Path mask = TestResources.path("/hpa-sample/1000_A12_2_cellmask.png");
        LabelImage labels = ImageFiles.readLabels(mask);
        assertEquals(16, ImageFiles.readGray(mask).bitDepth());
        List<LabelObject> cells = labels.objects();
        assertEquals(21, cells.size());
        assertEquals(19366, cells.get(0).area());
        assertEquals(15882, cells.stream().mapToInt(LabelObject::area).min().orElseThrow());
        assertEquals(47307, cells.stream().mapToInt(LabelObject::area).max().orElseThrow());
        assertEquals(47307, cells.get(6).area());
    }

    @ParameterizedTest
    @CsvSource({"8,png", "16,png", "8,tif", "16,tiff"})
    void grayRoundTripKeepsEveryValue(int bitDepth, String ext) throws IOException {
        Random rnd = new Random(bitDepth * 31L + ext.length());
        int w = 37 + rnd.nextInt(20);
        int h = 23 + rnd.nextInt(20);
        int[] px = new int[w * h];
        int max = (1 << bitDepth) - 1;
        for (int i = 0; i < px.length; i++) {
            px[i] = rnd.nextInt(max + 1);
        }
        px[0] = max;
        px[1] = 0;
        if (bitDepth == 16) {
            px[2] = 65000;
        }
        GrayImage in = new GrayImage(w, h, bitDepth, px);
        Path f = dir.resolve("img." + ext);
        ImageFiles.writeGray(f, in);
        GrayImage out = ImageFiles.readGray(f);
        assertEquals(in, out);
        float[] floats = out.toFloats();
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i], (int) floats[i]);
        }
    }

    @Test
    void floatWritingRoundsAndClamps() throws IOException {
        Path f8 = dir.resolve("f8.png");
        ImageFiles.writeGray(f8, 3, 2, 8, new float[] {-5f, 300.7f, Float.NaN, 12.5f, 12.49f, 255f});
        assertArrayEquals(new int[] {0, 255, 0, 13, 12, 255}, ImageFiles.readGray(f8).pixels());
        Path f16 = dir.resolve("f16.tif");
        ImageFiles.writeGray(f16, 2, 2, 16, new float[] {65000f, 1e9f, Float.POSITIVE_INFINITY, -1f});
        assertArrayEquals(new int[] {65000, 65535, 65535, 0}, ImageFiles.readGray(f16).pixels());
        Path clamped = dir.resolve("clamped.png");
        ImageFiles.writeGray(clamped, new GrayImage(2, 1, 8, new int[] {-3, 999}));
        assertArrayEquals(new int[] {0, 255}, ImageFiles.readGray(clamped).pixels());
    }

    @Test
    void rgbRoundTripKeepsThePlanes() throws IOException {
        Random rnd = new Random(7);
        int w = 19, h = 11;
        int[][] planes = new int[3][w * h];
        for (int[] p : planes) {
            for (int i = 0; i < p.length; i++) {
                p[i] = rnd.nextInt(256);
            }
        }
        RgbImage in = new RgbImage(w, h, planes[0], planes[1], planes[2]);
        for (String name : new String[] {"rgb.png", "rgb.tif"}) {
            Path f = dir.resolve(name);
            ImageFiles.writeRgb(f, in);
            assertEquals(in, ImageFiles.readRgb(f), name);
        }
        // Independent of our band order: the JDK's colour conversion must see red in plane 0.
        BufferedImage decoded = ImageIO.read(dir.resolve("rgb.png").toFile());
        int argb = decoded.getRGB(5, 3);
        int i = 3 * w + 5;
        assertEquals(planes[0][i], (argb >> 16) & 0xFF, "red");
        assertEquals(planes[1][i], (argb >> 8) & 0xFF, "green");
        assertEquals(planes[2][i], argb & 0xFF, "blue");
        BufferedImage rgbOnly = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgbOnly.setRGB(0, 0, 0xFF0080);
        rgbOnly.setRGB(1, 0, 0x00FF01);
        Path jdk = dir.resolve("jdk.png");
        ImageIO.write(rgbOnly, "png", jdk.toFile());
        RgbImage read = ImageFiles.readRgb(jdk);
        assertArrayEquals(new int[] {255, 0}, read.red());
        assertArrayEquals(new int[] {0, 255}, read.green());
        assertArrayEquals(new int[] {128, 1}, read.blue());
    }

    @Test
    void labelRoundTripAndOversizedIds() throws IOException {
        int[] ids = {0, 1, 65535, 300, 0, 2};
        Path f = dir.resolve("labels.png");
        ImageFiles.writeLabels(f, new LabelImage(3, 2, ids.clone()));
        assertEquals(16, ImageFiles.readGray(f).bitDepth());
        assertArrayEquals(ids, ImageFiles.readLabels(f).array());
        Path big = dir.resolve("big.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageFiles.writeLabels(big, new LabelImage(2, 1, new int[] {1, 70000})));
        assertTrue(e.getMessage().contains("big.png") && e.getMessage().contains("70000"), e.getMessage());
        assertTrue(Files.notExists(big));
    }

    /** Files written by the JDK directly (not by ImageFiles) read back with the raster's values. */
    @Test
    void readsFilesWrittenByOtherCode() throws IOException {
        BufferedImage g8 = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        g8.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 128, 255});
        Path p8 = dir.resolve("jdk8.png");
        ImageIO.write(g8, "png", p8.toFile());
        assertEquals(new GrayImage(3, 1, 8, new int[] {0, 128, 255}), ImageFiles.readGray(p8));
        BufferedImage g16 = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setPixels(0, 0, 3, 1, new int[] {65000, 1, 40000});
        Path p16 = dir.resolve("jdk16.tiff");
        ImageIO.write(g16, "tiff", p16.toFile());
        assertEquals(new GrayImage(3, 1, 16, new int[] {65000, 1, 40000}), ImageFiles.readGray(p16));
    }

    @Test
    void readsPackedOneBitPng() throws IOException {
        BufferedImage bin = new BufferedImage(10, 3, BufferedImage.TYPE_BYTE_BINARY);
        bin.getRaster().setSample(4, 1, 0, 1);
        Path f = dir.resolve("bin.png");
        ImageIO.write(bin, "png", f.toFile());
        GrayImage g = ImageFiles.readGray(f);
        assertEquals(1, g.bitDepth());
        assertEquals(1, Arrays.stream(g.pixels()).sum());
        assertEquals(1, g.get(4, 1));
    }

    @Test
    void badFilesNameTheFileAndTheProblem() throws IOException {
        assertBad(dir.resolve("missing.png"), "no such file", true);

        Path text = dir.resolve("text.png");
        Files.writeString(text, "ID,Label\nabc,1\n");
        assertBad(text, "not an image", true);

        Path empty = dir.resolve("empty.tif");
        Files.write(empty, new byte[0]);
        assertBad(empty, "not an image", true);

        int[] px = new Random(3).ints(64 * 64, 0, 65536).toArray();
        for (String ext : new String[] {"png", "tif"}) {
            Path whole = dir.resolve("good." + ext);
            ImageFiles.writeGray(whole, new GrayImage(64, 64, 16, px));
            byte[] bytes = Files.readAllBytes(whole);
            Path truncated = dir.resolve("truncated." + ext);
            Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
            assertBad(truncated, "truncated or corrupt", true);
        }
        Path good = dir.resolve("good.png");

        Path rgb = dir.resolve("rgb.png");
        ImageFiles.writeRgb(rgb, new RgbImage(2, 2, new int[4], new int[4], new int[4]));
        assertBad(rgb, "expected a grayscale image", true);
        assertBad(good, "expected an 8-bit RGB image", false);

        Path jpeg = dir.resolve("photo.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "jpeg", jpeg.toFile());
        assertBad(jpeg, "JPEG image; expected PNG or TIFF", true);
    }

    private static void assertBad(Path f, String problem, boolean gray) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> {
                    if (gray) {
                        ImageFiles.readGray(f);
                    } else {
                        ImageFiles.readRgb(f);
                    }
                });
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(f, e.path());
    }

    @Test
    void writingIsAtomicAndRejectsUnknownExtensionsAndDepths() {
        assertThrows(IllegalArgumentException.class,
                () -> ImageFiles.writeGray(dir.resolve("x.jpg"), new GrayImage(1, 1, 8, new int[1])));
        assertThrows(IllegalArgumentException.class,
                () -> ImageFiles.writeGray(dir.resolve("x.png"), new GrayImage(1, 1, 4, new int[1])));
        assertTrue(dir.toFile().list().length == 0, "no temporary file left behind");
    }
}
