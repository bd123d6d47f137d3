package org.hpacell.nn.weights;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY}, a major and
 * minor version byte, the header length (unsigned 16-bit little-endian in 1.0, 32-bit in 2.0/3.0),
 * the header (a Python dict literal with {@code 'descr'}, {@code 'fortran_order'} and {@code
 * 'shape'}), then the raw data in C order, or in Fortran (column-major) order when {@code
 * fortran_order} is {@code True}.
 */
public final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFormat() {}

    /**
     * Parses one {@code .npy} image.
     *
     * @param where the file (and entry) for error messages
     */
    public static HostTensor read(byte[] bytes, String where) throws TensorFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw new TensorFormatException(where + ": not a .npy array (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new TensorFormatException(where + ": not a .npy array (bad magic)");
            }
        }
        int major = bytes[6];
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            headerLength = b.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new TensorFormatException(where + ": unsupported .npy version " + major);
        }
        if (headerStart + headerLength > bytes.length) {
            throw new TensorFormatException(where + ": truncated .npy header");
        }
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeM = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeM.find()) {
            throw new TensorFormatException(where + ": .npy header lacks descr/fortran_order/shape: " + header.trim());
        }
        ElementType type = elementType(descr.group(2), Integer.parseInt(descr.group(3)), descr.group(0), where);
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long[] shape = parseShape(shapeM.group(1), where);
        long count = HostTensor.elementCount(shape);
        long dataStart = headerStart + headerLength;
        if (dataStart + count * type.bytes > bytes.length) {
            throw new TensorFormatException(
                    where + ": truncated data: " + (bytes.length - dataStart) + " bytes for " + count + " values of "
                            + descr.group(0));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes).order(order);
        data.position((int) dataStart);
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.read(data);
        }
        if (fortran.group(1).equals("True")) {
            values = fortranToC(values, shape);
        }
        return new HostTensor(shape, values, descr.group(1) + descr.group(2) + descr.group(3));
    }

    private static ElementType elementType(String kind, int size, String descr, String where)
            throws TensorFormatException {
        ElementType t = switch (kind + size) {
            case "f8" -> ElementType.F64;
            case "f4" -> ElementType.F32;
            case "f2" -> ElementType.F16;
            case "i8" -> ElementType.I64;
            case "i4" -> ElementType.I32;
            case "i2" -> ElementType.I16;
            case "i1" -> ElementType.I8;
            case "u1" -> ElementType.U8;
            case "b1" -> ElementType.BOOL;
            default -> null;
        };
        if (t == null) {
            throw new TensorFormatException(where + ": unsupported dtype " + descr);
        }
        return t;
    }

    private static long[] parseShape(String tuple, String where) throws TensorFormatException {
        String[] parts = tuple.split(",");
        int n = 0;
        long[] dims = new long[parts.length];
        for (String p : parts) {
            String s = p.trim();
            if (s.isEmpty()) {
                continue; // "(3,)" and "()"
            }
            try {
                dims[n++] = Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                throw new TensorFormatException(where + ": invalid shape (" + tuple + ")");
            }
        }
        return java.util.Arrays.copyOf(dims, n);
    }

    /** Reorders column-major values (first index fastest) into row-major order. */
    static float[] fortranToC(float[] f, long[] shape) {
        int rank = shape.length;
        float[] c = new float[f.length];
        int[] index = new int[rank];
        for (int i = 0; i < c.length; i++) {
            // index is the row-major multi-index of i; its column-major offset:
            long offset = 0;
            long stride = 1;
            for (int d = 0; d < rank; d++) {
                offset += index[d] * stride;
                stride *= shape[d];
            }
            c[i] = f[(int) offset];
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return c;
    }

    /** Encodes a float32 tensor as a version 1.0 {@code .npy} image in C order. */
    public static byte[] write(HostTensor t) {
        StringBuilder shape = new StringBuilder();
        long[] dims = t.shape();
        for (long d : dims) {
            shape.append(d).append(", ");
        }
        String tuple = dims.length == 1 ? shape.substring(0, shape.length() - 1)
                : dims.length == 0 ? "" : shape.substring(0, shape.length() - 2);
        StringBuilder header = new StringBuilder(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (" + tuple + "), }");
        // total preamble (10 bytes + header + '\n') padded with spaces to a multiple of 64
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length() + 4 * t.values().length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(littleEndianFloats(t.values()));
        return out.toByteArray();
    }

    /** The values as little-endian IEEE float32 bytes. */
    static byte[] littleEndianFloats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }
}
