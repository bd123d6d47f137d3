package org.hpacell.nn.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFilesTest {
    @TempDir Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TensorFilesTest.class.getResource("/weights/" + name).toURI());
    }

    @Test
    void readsArraysWrittenByNumpySavez() throws Exception {
        Map<String, HostTensor> t = TensorFiles.read(resource("numpy-savez.npz"));
        assertEquals(List.of("a", "b", "f", "n", "h", "be", "u"), List.copyOf(t.keySet()));
        assertArrayEquals(new long[] {2, 3}, t.get("a").shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, t.get("a").values());
        assertArrayEquals(new float[] {1.5f, -2.25f}, t.get("b").values());
        assertEquals("<f8", t.get("b").storedType());
        // Fortran-ordered on disk, returned in C order: arange(24).reshape(2, 3, 4)
        assertArrayEquals(new long[] {2, 3, 4}, t.get("f").shape());
        for (int i = 0; i < 24; i++) {
            assertEquals(i, t.get("f").values()[i], "f[" + i + "]");
        }
        assertArrayEquals(new long[] {}, t.get("n").shape());
        assertArrayEquals(new float[] {7}, t.get("n").values());
        assertArrayEquals(new float[] {0.5f, -1f, 65504f, 0x1p-24f}, t.get("h").values());
        assertArrayEquals(new float[] {1.25f, -3f}, t.get("be").values());
        assertArrayEquals(new float[] {0, 255, 3}, t.get("u").values());
    }

    @Test
    void readsCompressedNpzWithDottedNames() throws Exception {
        Map<String, HostTensor> t = TensorFiles.read(resource("numpy-savez-compressed.npz"));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, t.get("layer1.0.conv1.weight").values());
    }

    @Test
    void readsHandBuiltSafetensorsOfSeveralTypes() throws Exception {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[16,20]},"
                + "\"bf\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[20,22]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[22,30]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 30).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        b.putFloat(1f).putFloat(-2f).putFloat(3.5f).putFloat(0.25f);
        b.putShort((short) 0x3C00).putShort((short) 0xC000); // half 1.0, -2.0
        b.putShort((short) 0x4049); // bfloat16 of 3.140625
        b.putLong(42);
        Path file = dir.resolve("hand.safetensors");
        Files.write(file, b.array());
        Map<String, HostTensor> t = TensorFiles.read(file);
        assertEquals(List.of("w", "h", "bf", "n"), List.copyOf(t.keySet()));
        assertArrayEquals(new float[] {1f, -2f, 3.5f, 0.25f}, t.get("w").values());
        assertArrayEquals(new float[] {1f, -2f}, t.get("h").values());
        assertArrayEquals(new float[] {3.140625f}, t.get("bf").values());
        assertArrayEquals(new float[] {42f}, t.get("n").values());
    }

    @Test
    void safetensorsAndNpzRoundTrip() throws Exception {
        Map<String, HostTensor> in = new LinkedHashMap<>();
        in.put("conv1.weight", HostTensor.of(new long[] {2, 1, 2, 2}, new float[] {1, 2, 3, 4, -5, 6.5f, 7, 8}));
        in.put("fc.bias", HostTensor.of(new long[] {3}, new float[] {0.1f, Float.MIN_VALUE, -1e30f}));
        in.put("scalar", HostTensor.of(new long[] {}, new float[] {9}));
        for (String name : List.of("w.safetensors", "w.npz")) {
            Path file = dir.resolve(name);
            TensorFiles.write(file, in);
            Map<String, HostTensor> out = TensorFiles.read(file);
            assertEquals(in.keySet(), out.keySet(), name);
            for (String k : in.keySet()) {
                assertArrayEquals(in.get(k).shape(), out.get(k).shape(), name + " " + k);
                assertArrayEquals(in.get(k).values(), out.get(k).values(), name + " " + k);
            }
        }
    }

    @Test
    void safetensorsHeaderIsPaddedToEightBytes() throws Exception {
        Path file = dir.resolve("p.safetensors");
        SafetensorsFile.write(file, Map.of("x", HostTensor.of(new long[] {1}, new float[] {1})));
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
    }

    @Test
    void badFilesGiveErrorsNamingFileAndProblem() throws Exception {
        Path truncated = dir.resolve("t.safetensors");
        Files.write(truncated, new byte[] {1, 2, 3});
        assertMessage(truncated, "not a safetensors file");

        Path badLength = dir.resolve("l.safetensors");
        Files.write(badLength, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        assertMessage(badLength, "invalid safetensors header length");

        Path badJson = dir.resolve("j.safetensors");
        byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
        Files.write(badJson, ByteBuffer.allocate(8 + junk.length).order(ByteOrder.LITTLE_ENDIAN).putLong(junk.length).put(junk).array());
        assertMessage(badJson, "not valid JSON");

        Path outside = dir.resolve("o.safetensors");
        byte[] h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}".getBytes(StandardCharsets.UTF_8);
        Files.write(outside, ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array());
        assertMessage(outside, "tensor 'w': data_offsets [0, 16] outside");

        Path wrongCount = dir.resolve("c.safetensors");
        byte[] h2 = "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}".getBytes(StandardCharsets.UTF_8);
        Files.write(wrongCount, ByteBuffer.allocate(8 + h2.length + 8).order(ByteOrder.LITTLE_ENDIAN).putLong(h2.length).put(h2).array());
        assertMessage(wrongCount, "8 bytes for 3 F32 values");

        Path notZip = dir.resolve("z.npz");
        Files.writeString(notZip, "hello");
        assertMessage(notZip, "no arrays");

        Path unknown = dir.resolve("w.pth");
        Files.writeString(unknown, "x");
        assertMessage(unknown, "unknown weight file type");
    }

    private static void assertMessage(Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> TensorFiles.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
