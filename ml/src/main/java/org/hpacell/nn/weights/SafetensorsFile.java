package org.hpacell.nn.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.npz.ElementType;

/**
 * The safetensors format (Hugging Face): an unsigned 64-bit little-endian header length {@code n},
 * {@code n} bytes of UTF-8 JSON mapping each tensor name to {@code {"dtype", "shape",
 * "data_offsets": [begin, end]}} (offsets relative to the first byte after the header; an optional
 * {@code "__metadata__"} entry of strings), then the raw little-endian row-major tensor bytes.
 */
public final class SafetensorsFile {
    /** Refuse headers larger than this (the format's own readers use 100 MB). */
    private static final long MAX_HEADER = 100L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsFile() {}

    /** Reads every tensor of {@code file}, in header order. */
    public static Map<String, HostTensor> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new TensorFormatException(file + ": not a safetensors file (" + size + " bytes)");
            }
            if (size > Integer.MAX_VALUE) {
                throw new TensorFormatException(file + ": files over 2 GB are not supported (" + size + " bytes)");
            }
            ByteBuffer all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = all.getLong(0);
            if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > size - 8) {
                throw new TensorFormatException(
                        file + ": invalid safetensors header length " + headerLength + " for a file of " + size + " bytes");
            }
            byte[] header = new byte[(int) headerLength];
            all.get(8, header);
            JsonNode root;
            try {
                root = JSON.readTree(new String(header, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new TensorFormatException(file + ": safetensors header is not valid JSON: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw new TensorFormatException(file + ": safetensors header is not a JSON object");
            }
            long dataStart = 8 + headerLength;
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("__metadata__")) {
                    tensors.put(e.getKey(), readTensor(file, e.getKey(), e.getValue(), all, dataStart, size));
                }
            }
            return tensors;
        }
    }

    private static HostTensor readTensor(
            Path file, String name, JsonNode entry, ByteBuffer all, long dataStart, long size)
            throws TensorFormatException {
        String where = file + ": tensor '" + name + "'";
        JsonNode dtype = entry.get("dtype");
        JsonNode shapeNode = entry.get("shape");
        JsonNode offsets = entry.get("data_offsets");
        if (dtype == null || shapeNode == null || !shapeNode.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw new TensorFormatException(where + ": entry needs dtype, shape and data_offsets [begin, end]");
        }
        ElementType type;
        try {
            type = ElementType.valueOf(dtype.asText());
        } catch (IllegalArgumentException ex) {
            throw new TensorFormatException(where + ": unsupported dtype " + dtype.asText());
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!shapeNode.get(i).canConvertToLong() || shapeNode.get(i).asLong() < 0) {
                throw new TensorFormatException(where + ": invalid shape " + shapeNode);
            }
            shape[i] = shapeNode.get(i).asLong();
        }
        long count = HostTensor.elementCount(shape);
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin || dataStart + end > size) {
            throw new TensorFormatException(
                    where + ": data_offsets [" + begin + ", " + end + "] outside the file's "
                            + (size - dataStart) + " data bytes");
        }
        if (end - begin != count * type.bytes()) {
            throw new TensorFormatException(
                    where + ": " + (end - begin) + " bytes for " + count + " " + type + " values of shape "
                            + HostTensor.format(shape));
        }
        if (count > Integer.MAX_VALUE) {
            throw new TensorFormatException(where + ": too large (" + count + " values)");
        }
        ByteBuffer data = all.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        data.position(Math.toIntExact(dataStart + begin));
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.read(data);
        }
        return new HostTensor(shape, values, type.name());
    }

    /** Writes {@code tensors} as float32, atomically, in map order. */
    public static void write(Path file, Map<String, HostTensor> tensors) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", "F32");
            ArrayNode shape = entry.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = 4L * e.getValue().values().length;
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        // pad the header with spaces to a multiple of 8 bytes, as the reference writer does
        StringBuilder json = new StringBuilder(JSON.writeValueAsString(header));
        while (json.toString().getBytes(StandardCharsets.UTF_8).length % 8 != 0) {
            json.append(' ');
        }
        byte[] headerBytes = json.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> writeBody(out, headerBytes, tensors));
    }

    private static void writeBody(OutputStream out, byte[] header, Map<String, HostTensor> tensors)
            throws IOException {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
        out.write(len.array());
        out.write(header);
        for (HostTensor t : tensors.values()) {
            ByteBuffer b = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(t.values());
            out.write(b.array());
        }
    }
}
