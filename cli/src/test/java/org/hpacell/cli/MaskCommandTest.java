package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.MaskCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskCommandTest {
    @TempDir
    Path dir;

    static final int W = 23;
    static final int H = 17;

    static boolean inside(int x, int y) {
        return (x - 10) * (x - 10) + (y - 7) * (y - 7) < 30 || (x == W - 1 && y == H - 1);
    }

    static BinaryMask expected() {
        boolean[] full = new boolean[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                full[y * W + x] = inside(x, y);
            }
        }
        return BinaryMask.ofRowMajor(W, H, full);
    }

    private Path png(int type, int onValue, String name) throws Exception {
        BufferedImage img = new BufferedImage(W, H, type);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (inside(x, y)) {
                    if (type == BufferedImage.TYPE_INT_RGB) {
                        img.setRGB(x, y, onValue);
                    } else {
                        img.getRaster().setSample(x, y, 0, onValue);
                    }
                }
            }
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void encodePrintsTheKaggleStringOfNonzeroPixels() throws Exception {
        String want = MaskCodec.encode(expected());
        Path[] inputs = {
            png(BufferedImage.TYPE_BYTE_GRAY, 255, "gray8.png"),
            png(BufferedImage.TYPE_BYTE_GRAY, 1, "gray8-one.png"),
            png(BufferedImage.TYPE_USHORT_GRAY, 65000, "gray16.png"),
            png(BufferedImage.TYPE_INT_RGB, 0x000100, "rgb-green-only.png"),
        };
        for (Path p : inputs) {
            CommandRun r = CommandRun.of("mask", "encode", p.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(want + System.lineSeparator(), r.out(), p.toString());
        }
    }

    @Test
    void decodeWritesAnEightBitZeroOr255Png() throws Exception {
        String s = MaskCodec.encode(expected());
        Path out = dir.resolve("sub/out.png");
        CommandRun r = CommandRun.of("mask", "decode", "--width", "" + W, "--height", "" + H, s, "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        Raster ras = img.getRaster();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertEquals(inside(x, y) ? 255 : 0, ras.getSample(x, y, 0), x + "," + y);
            }
        }
        // And back: the round trip through the command line gives the same string.
        assertEquals(s + System.lineSeparator(), CommandRun.of("mask", "encode", out.toString()).out());
    }

    @Test
    void badInputIsReportedInOneLine() throws Exception {
        Path out = dir.resolve("x.png");
        CommandRun r = CommandRun.of("mask", "decode", "--width", "5", "--height", "5", "eNozMAQAAJMAYg==", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("mask string for a 5x5 image: RLE runs sum to 1 pixels"), r.err());
        assertFalse(Files.exists(out));

        r = CommandRun.of("mask", "encode", dir.resolve("missing.png").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("missing.png: no such file"), r.err());

        Path text = dir.resolve("text.png");
        Files.writeString(text, "not an image");
        r = CommandRun.of("mask", "encode", text.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("text.png: not a readable image"), r.err());

        // a truncated PNG (a valid header, the pixel data cut short) names the file and the problem
        Path whole = dir.resolve("whole.png");
        assertEquals(ExitCodes.OK, CommandRun.of("mask", "decode", "--width", "64", "--height", "64",
                CommandRun.of("mask", "encode", writeSquare(dir.resolve("sq.png"))).out().strip(), "--out",
                whole.toString()).exitCode());
        Path truncated = dir.resolve("truncated.png");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        r = CommandRun.of("mask", "encode", truncated.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("hpacell: error: " + truncated + ": not a readable image (truncated or damaged"),
                r.err());

        // an output that cannot be written names the target, not a temporary file
        Path blocked = dir.resolve("text.png/out.png");
        r = CommandRun.of("mask", "decode", "--width", "64", "--height", "64", CommandRun.of("mask", "encode",
                whole.toString()).out().strip(), "--out", blocked.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("hpacell: error: " + blocked + ": cannot write: "), r.err());
        assertFalse(r.err().contains(".tmp"), r.err());
    }

    /** Writes a 64x64 8-bit PNG with a 20x20 square and returns its path as text. */
    private static String writeSquare(Path file) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 64,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 10; y < 30; y++) {
            for (int x = 10; x < 30; x++) {
                img.getRaster().setSample(x, y, 0, 255);
            }
        }
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        return file.toString();
    }
}
