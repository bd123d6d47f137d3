package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** Every kind of bad mask string fails with a {@link MaskFormatException} that says what is wrong. */
class MaskCodecBadInputTest {

    private static void assertRejected(String kaggle, int w, int h, String expectedWords) {
        MaskFormatException e = assertThrows(MaskFormatException.class, () -> MaskCodec.decode(kaggle, w, h));
        assertTrue(e.getMessage().contains(expectedWords), e.getMessage());
    }

    private static String zlibBase64(byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes, new Deflater(9))) {
            z.write(data);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @Test
    void invalidBase64() {
        assertRejected("eNozMAQAAJMAYg*=", 1, 1, "base64");
        assertRejected("not base64 at all!", 1, 1, "base64");
    }

    @Test
    void dataThatDoesNotInflate() {
        assertRejected(Base64.getEncoder().encodeToString("hello, not zlib".getBytes()), 1, 1, "not zlib");
    }

    @Test
    void truncatedZlibStream() throws Exception {
        byte[] whole = Base64.getDecoder().decode(zlibBase64("0X1X10000000000000000000000000000".getBytes()));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 6);
        assertRejected(Base64.getEncoder().encodeToString(cut), 30, 40, "truncated");
    }

    @Test
    void zipBombIsCutOffWithBoundedMemory() throws Exception {
        // 32 MB of '0' compresses to ~32 KB; a 100x100 mask needs at most ~20 KB of RLE string.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes, new Deflater(9))) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) '0');
            for (int i = 0; i < 32; i++) {
                z.write(block);
            }
        }
        String bomb = Base64.getEncoder().encodeToString(bytes.toByteArray());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRejected(bomb, 100, 100, "inflates to more than"));
    }

    @Test
    void runsThatDoNotSumToTheMaskSize() throws Exception {
        String fourPixels = zlibBase64("04".getBytes()); // runs [0, 4]: a full 2x2 mask
        assertRejected(fourPixels, 3, 3, "sum to 4");
        assertRejected(fourPixels, 1, 2, "more than the mask's 2 pixels");
    }

    @Test
    void charactersOutsideTheAlphabet() throws Exception {
        assertRejected(zlibBase64("0p".getBytes()), 2, 2, "outside the RLE alphabet");
        assertRejected(zlibBase64("0 4".getBytes()), 2, 2, "outside the RLE alphabet");
        assertThrows(MaskFormatException.class, () -> CocoRle.parse("0~", 2, 2));
    }

    @Test
    void stringEndingInsideAValue() throws Exception {
        assertRejected(zlibBase64("0X".getBytes()), 2, 2, "ends inside a value");
    }

    @Test
    void negativeRuns() throws Exception {
        // Counts 0, 4, 0, then a difference of -5 from the 4: a run of -1.
        assertRejected(zlibBase64(RleString.format(new int[] {0, 4, 0}).concat("K").getBytes()), 2, 2, "negative");
        assertThrows(MaskFormatException.class, () -> CocoRle.of(2, 2, new int[] {5, -1}));
    }

    @Test
    void badFrame() {
        assertThrows(IllegalArgumentException.class, () -> MaskCodec.decode("eNozMAQAAJMAYg==", 0, 1));
    }
}
