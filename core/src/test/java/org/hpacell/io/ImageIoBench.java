package org.hpacell.io;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;

/**
 * Times reading and writing a real 2048x2048 16-bit HPA channel and a four-channel field made of it,
 * and prints a table (median and best of the timed repetitions after warm-up), then the JDK PNG
 * writer's time and size at several compression qualities. Not a unit test: run
 *
 * <pre>
 * ./mvnw -q -o -pl core -am test-compile
 * java -cp core/target/classes:core/target/test-classes org.hpacell.io.ImageIoBench \
 *     core/src/test/resources/hpa-sample/1000_A12_2_green.png [repetitions]
 * </pre>
 */
public final class ImageIoBench {
    @FunctionalInterface
    private interface Op {
        Object run() throws IOException;
    }

    private ImageIoBench() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path tmp = Files.createTempDirectory("hpacell-bench");
        try {
            GrayImage g16 = ImageFiles.readGray(source);
            int w = g16.width(), h = g16.height();
            Path dataset = tmp.resolve("ds");
            Files.createDirectories(dataset);
            for (Channel c : Channel.values()) {
                Files.copy(source, HpaLayout.channelPath(dataset, "field", c, ImageFormat.PNG));
            }
            HpaDataset ds = HpaDataset.open(dataset);
            FieldImage field = ds.read("field");
            int[] p8 = Arrays.stream(g16.pixels()).map(v -> v >> 8).toArray();
            GrayImage g8 = new GrayImage(w, h, 8, p8);
            Path png8 = tmp.resolve("g8.png");
            Path tif16 = tmp.resolve("g16.tif");
            ImageFiles.writeGray(png8, g8);
            ImageFiles.writeGray(tif16, g16);

            System.out.printf(Locale.ROOT, "%s: %dx%d %d-bit, %d repetitions after 2 warm-up runs%n",
                    source.getFileName(), w, h, g16.bitDepth(), reps);
            System.out.printf(Locale.ROOT, "%-52s %10s %10s%n", "operation", "median ms", "best ms");
            time("decode 16-bit PNG only (ImageIO.read)", reps, () -> ImageIO.read(source.toFile()));
            time("readGray 16-bit PNG (decode + raw samples)", reps, () -> ImageFiles.readGray(source));
            time("raw samples via Raster.getSamples (generic path)", reps, () -> {
                Raster r = ImageIO.read(source.toFile()).getRaster();
                return r.getSamples(0, 0, w, h, 0, (int[]) null);
            });
            time("HpaDataset.read: 4-channel 16-bit PNG field", reps, () -> ds.read("field"));
            time("readGray 8-bit PNG", reps, () -> ImageFiles.readGray(png8));
            time("readGray 16-bit TIFF (uncompressed)", reps, () -> ImageFiles.readGray(tif16));
            time("writeGray 16-bit PNG", reps, () -> write(tmp.resolve("w16.png"), g16));
            time("writeGray 8-bit PNG", reps, () -> write(tmp.resolve("w8.png"), g8));
            time("writeGray 16-bit TIFF", reps, () -> write(tmp.resolve("w16.tif"), g16));
            time("HpaWriter.writeImages: 4-channel 16-bit PNG field", reps, () -> {
                HpaWriter.writeImages(tmp.resolve("out"), field, ImageFormat.PNG, 16);
                return field;
            });
            pngQualitySweep(ImageIO.read(source.toFile()), reps);
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The JDK PNG writer at several compression qualities, to memory: best time and size. */
    private static void pngQualitySweep(BufferedImage img, int reps) throws IOException {
        System.out.printf(Locale.ROOT, "%nJDK PNG writer, compression quality sweep%n%-12s %10s %10s %12s%n",
                "quality", "median ms", "best ms", "bytes");
        for (float q : new float[] {-1f, 0.25f, 0.5f, 0.75f, 0.9f}) {
            int[] size = new int[1];
            time(q < 0 ? "default" : String.valueOf(q), reps, () -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
                try (var out = new MemoryCacheImageOutputStream(bytes)) {
                    w.setOutput(out);
                    ImageWriteParam param = w.getDefaultWriteParam();
                    if (q >= 0) {
                        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                        param.setCompressionQuality(q);
                    }
                    w.write(null, new IIOImage(img, null, null), param);
                } finally {
                    w.dispose();
                }
                size[0] = bytes.size();
                return bytes;
            }, 12, 11);
            System.out.printf(Locale.ROOT, "%12d%n", size[0]);
        }
    }

    private static Object write(Path p, GrayImage g) throws IOException {
        ImageFiles.writeGray(p, g);
        return p;
    }

    private static void time(String name, int reps, Op op) throws IOException {
        time(name, reps, op, 52, 10);
        System.out.println();
    }

    private static void time(String name, int reps, Op op, int nameWidth, int valueWidth) throws IOException {
        for (int i = 0; i < 2; i++) {
            op.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            Object o = op.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (o == null) {
                throw new IllegalStateException(name + " returned nothing");
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-" + nameWidth + "s %" + valueWidth + ".1f %" + valueWidth + ".1f",
                name, ms[reps / 2], ms[0]);
    }
}
