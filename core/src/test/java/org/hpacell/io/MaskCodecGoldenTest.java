package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hpacell.image.BinaryMask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the pycocotools reference fixtures (test resource {@code fixtures/mask-codec}, a copy of
 * {@code shared/reference/fixtures/mask-codec}): the RLE string, area and Kaggle string must be exact.
 */
class MaskCodecGoldenTest {

    record Case(String file, int height, int width, long area, String cocoCounts, String kaggle) {
    }

    static Path fixtureDir() throws URISyntaxException {
        return Path.of(MaskCodecGoldenTest.class.getResource("/fixtures/mask-codec/expected.csv").toURI()).getParent();
    }

    static List<Case> cases() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(fixtureDir().resolve("expected.csv"), StandardCharsets.ISO_8859_1);
        assertEquals("file,height,width,area,coco_counts,kaggle_string", lines.get(0));
        List<Case> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            // Raw fields: the RLE alphabet (48..111) holds no comma, and base64 none either.
            String[] f = line.split(",", -1);
            assertEquals(6, f.length, line);
            out.add(new Case(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]), f[4], f[5]));
        }
        assertFalse(out.isEmpty());
        return out;
    }

    static BinaryMask readMask(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        Raster r = img.getRaster();
        boolean[] full = new boolean[img.getWidth() * img.getHeight()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                full[y * img.getWidth() + x] = r.getSample(x, y, 0) != 0;
            }
        }
        return BinaryMask.ofRowMajor(img.getWidth(), img.getHeight(), full);
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureCase() throws Exception {
        Path dir = fixtureDir();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> {
            BinaryMask mask = readMask(dir.resolve(c.file()));
            assertEquals(c.width(), mask.width());
            assertEquals(c.height(), mask.height());
            assertEquals(c.area(), mask.area());

            CocoRle rle = CocoRle.of(mask);
            assertEquals(c.cocoCounts(), rle.toRleString(), "RLE string");
            assertEquals(c.area(), rle.area());
            assertEquals(mask.bounds(), rle.bounds());

            assertEquals(c.cocoCounts(), MaskCodec.decompressRleString(c.kaggle(), c.width(), c.height()), "inflate");
            assertEquals(c.kaggle(), MaskCodec.encode(mask), "Kaggle string");
            assertEquals(mask, MaskCodec.decode(c.kaggle(), c.width(), c.height()));
            assertEquals(rle, CocoRle.parse(c.cocoCounts(), c.width(), c.height()));
        }));
    }
}
