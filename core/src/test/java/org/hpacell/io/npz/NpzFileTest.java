package org.hpacell.io.npz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzFileTest {
    @TempDir
    Path dir;

    private static Map<String, NpyArray> sample() {
        Random r = new Random(7);
        float[] maps = new float[3 * 5 * 7];
        for (int i = 0; i < maps.length; i++) {
            maps[i] = r.nextFloat() * 2 - 1;
        }
        maps[0] = Float.NaN;
        maps[1] = Float.NEGATIVE_INFINITY;
        int[] ids = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 42, 7};
        byte[] mask = {0, 1, (byte) 255, (byte) 128};
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("maps", NpyArray.ofFloats(maps, 3, 5, 7));
        m.put("ids", NpyArray.ofInts(ids, 6));
        m.put("mask", NpyArray.ofBytes(mask, 2, 2));
        m.put("scalar", NpyArray.ofFloats(new float[] {3.5f}));
        return m;
    }

    @Test
    void roundTripKeepsTypesShapesAndValues() throws IOException {
        Path f = dir.resolve("a.npz");
        Map<String, NpyArray> in = sample();
        NpzFile.write(f, in);
        Map<String, NpyArray> out = NpzFile.read(f);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
        for (String k : in.keySet()) {
            assertEquals(in.get(k).dtype(), out.get(k).dtype(), k);
            assertArrayEquals(in.get(k).shape(), out.get(k).shape(), k);
        }
        assertArrayEquals(in.get("maps").floats(), out.get("maps").floats());
        assertArrayEquals(in.get("ids").ints(), out.get("ids").ints());
        assertArrayEquals(in.get("mask").bytes(), out.get("mask").bytes());
        assertEquals(3.5f, out.get("scalar").floats()[0]);
    }

    @Test
    void entriesAreCompressed() throws IOException {
        Path f = dir.resolve("z.npz");
        NpzFile.write(f, Map.of("zeros", NpyArray.ofFloats(new float[100_000], 100_000)));
        try (ZipFile zip = new ZipFile(f.toFile())) {
            ZipEntry e = zip.getEntry("zeros.npy");
            assertEquals(ZipEntry.DEFLATED, e.getMethod());
            assertTrue(e.getCompressedSize() < 2_000, "compressed to " + e.getCompressedSize());
        }
    }

    @Test
    void headerIsTheNumpyDictAlignedTo64() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        NpyFormat.write(b, NpyArray.ofFloats(new float[19], 19));
        byte[] bytes = b.toByteArray();
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        assertEquals(1, bytes[6]);
        String dict = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(dict.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (19,), }"), dict);
        assertTrue(dict.endsWith("\n"));
        assertEquals(10 + headerLength + 19 * 4, bytes.length);
    }

    @Test
    void readsAHeaderWrittenByNumpy() throws IOException {
        // Bytes as numpy 1.24 writes np.arange(6, dtype='<i4').reshape(2, 3)
        String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int len = 118;
        b.write(len & 0xff);
        b.write(len >> 8);
        StringBuilder s = new StringBuilder(dict);
        while (s.length() < len - 1) {
            s.append(' ');
        }
        b.write((s + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 6; i++) {
            b.write(new byte[] {(byte) i, 0, 0, 0});
        }
        NpyArray a = NpyFormat.read(new ByteArrayInputStream(b.toByteArray()), "x.npy");
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, a.ints());
    }

    @Test
    void badInputIsRefusedNamingTheFile() throws IOException {
        Path f = dir.resolve("bad.npz");
        Files.writeString(f, "not a zip");
        IOException e = assertThrows(IOException.class, () -> NpzFile.read(f));
        assertTrue(e.getMessage().contains("bad.npz"), e.getMessage());

        byte[] fortran = ("\u0093NUMPY\u0001\u0000").getBytes(StandardCharsets.ISO_8859_1);
        String dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(fortran);
        b.write(dict.length());
        b.write(0);
        b.write(dict.getBytes(StandardCharsets.US_ASCII));
        b.write(new byte[16]);
        IOException f2 = assertThrows(IOException.class,
                () -> NpyFormat.read(new ByteArrayInputStream(b.toByteArray()), "f.npy"));
        assertTrue(f2.getMessage().startsWith("f.npy: Fortran"), f2.getMessage());

        ByteArrayOutputStream t = new ByteArrayOutputStream();
        NpyFormat.write(t, NpyArray.ofFloats(new float[8], 8));
        byte[] truncated = java.util.Arrays.copyOf(t.toByteArray(), t.size() - 3);
        IOException f3 = assertThrows(IOException.class,
                () -> NpyFormat.read(new ByteArrayInputStream(truncated), "t.npy"));
        assertTrue(f3.getMessage().contains("t.npy"), f3.getMessage());
    }

    @Test
    void truncatedNpyDataIsReported() throws IOException {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        NpyFormat.write(t, NpyArray.ofFloats(new float[] {1, 2, 3, 4}, 4));
        byte[] cut = java.util.Arrays.copyOf(t.toByteArray(), t.size() - 3);
        IOException e = assertThrows(IOException.class, () -> {
            ByteArrayInputStream in = new ByteArrayInputStream(cut);
            NpyFormat.readAsFloats(in, NpyFormat.readHeader(in, "x.npz: entry 'a.npy'"), "x.npz: entry 'a.npy'");
        });
        assertTrue(e.getMessage().startsWith("x.npz: entry 'a.npy': .npy data ends early"), e.getMessage());
    }

    @Test
    void readAsFloatsWidensTypesByteOrdersAndFortranOrder() throws IOException {
        // '>f8' of shape (2, 3) in Fortran order: column-major storage of [[0, 1, 2], [3, 4, 5]]
        String dict = "{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.write(dict.length() + 1);
        b.write(0);
        b.write((dict + "\n").getBytes(StandardCharsets.US_ASCII));
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(48).order(java.nio.ByteOrder.BIG_ENDIAN);
        for (double v : new double[] {0, 3, 1, 4, 2, 5}) {
            data.putDouble(v);
        }
        b.write(data.array());
        ByteArrayInputStream in = new ByteArrayInputStream(b.toByteArray());
        NpyHeader header = NpyFormat.readHeader(in, "w.npy");
        assertEquals(ElementType.F64, header.elementType());
        NpyArray a = NpyFormat.readAsFloats(in, header, "w.npy");
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, a.floats());
    }

    @Test
    void numpyReadsWhatWeWrite() throws Exception {
        String python = PythonNumpy.find();
        assumeTrue(python != null, "no python3 with numpy on this machine");
        Path f = dir.resolve("py.npz");
        Map<String, NpyArray> in = sample();
        in.remove("maps");
        in.put("maps", NpyArray.ofFloats(new float[] {0.5f, -1f, 2f, 4f, 8f, 16f}, 2, 3));
        NpzFile.write(f, in);
        String script = "import numpy as np; d = np.load(r'" + f + "'); "
                + "print(sorted(d.files)); print(d['maps'].dtype, d['maps'].shape, float(d['maps'].sum()), float(d['maps'][1, 2])); "
                + "print(d['ids'].dtype, d['ids'].tolist()); print(d['mask'].dtype, d['mask'].tolist()); print(d['scalar'].shape, float(d['scalar']))";
        Process p = new ProcessBuilder(python, "-c", script).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        assertEquals("['ids', 'maps', 'mask', 'scalar']", lines[0]);
        assertEquals("float32 (2, 3) 29.5 16.0", lines[1]);
        assertEquals("int32 [0, -1, 2147483647, -2147483648, 42, 7]", lines[2]);
        assertEquals("uint8 [[0, 1], [255, 128]]", lines[3]);
        assertEquals("() 3.5", lines[4]);
    }
}
