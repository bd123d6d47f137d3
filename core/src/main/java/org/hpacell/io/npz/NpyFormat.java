package org.hpacell.io.npz;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .npy} format, version 1.0 (2.0 when a header exceeds 65535 bytes; 1.0, 2.0 and 3.0 are
 * read): the magic {@code \x93NUMPY}, two version bytes, the header length (uint16 for 1.0, uint32
 * for 2.0/3.0, little-endian), an ASCII Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (19, 64, 64), }} padded with spaces and a
 * final newline so that the data starts at a multiple of 64 bytes, then the elements in C order,
 * little-endian. {@link #read} gives the three {@link NpyArray.DType types} exactly and refuses Fortran
 * order and big-endian types with a clear message; {@link #readAsFloats} widens every {@link ElementType}
 * NumPy can name, of either byte order and in either layout, to float32 in C order.
 */
public final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int CHUNK = 1 << 16;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFormat() {
    }

    /** Writes one array as a complete {@code .npy} stream (the stream is not closed). */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(header(array));
        writeData(out, array);
    }

    /** The magic, version, length and padded dict of {@code array}. */
    static byte[] header(NpyArray array) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(array.dtype().descr())
                .append("', 'fortran_order': False, 'shape': (");
        int[] shape = array.shape();
        for (int i = 0; i < shape.length; i++) {
            dict.append(shape[i]);
            // A 1-tuple needs its trailing comma in Python: (19,)
            if (i < shape.length - 1 || shape.length == 1) {
                dict.append(shape.length == 1 ? "," : ", ");
            }
        }
        dict.append("), }");
        // Version 1.0 stores the header length in 16 bits; larger headers need version 2.0.
        boolean v1 = dict.length() + 1 + ALIGN <= 0xffff;
        int prefix = MAGIC.length + 2 + (v1 ? 2 : 4);
        int total = prefix + dict.length() + 1;
        int padded = (total + ALIGN - 1) / ALIGN * ALIGN;
        while (dict.length() + 1 + prefix < padded) {
            dict.append(' ');
        }
        dict.append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(prefix + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (v1 ? 1 : 2)).put((byte) 0);
        if (v1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        b.put(text);
        return b.array();
    }

    private static void writeData(OutputStream out, NpyArray array) throws IOException {
        Object data = array.data();
        if (data instanceof byte[] bytes) {
            out.write(bytes);
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int n = array.size();
        int perChunk = CHUNK / 4;
        for (int start = 0; start < n; start += perChunk) {
            int len = Math.min(perChunk, n - start);
            buf.clear();
            if (data instanceof float[] f) {
                buf.asFloatBuffer().put(f, start, len);
            } else {
                buf.asIntBuffer().put((int[]) data, start, len);
            }
            out.write(buf.array(), 0, len * 4);
        }
    }

    /**
     * Reads one {@code .npy} stream of one of the {@link NpyArray.DType types} in C order, little-endian.
     *
     * @param source named in error messages (e.g. {@code "cams/f1.npz:maps.npy"})
     * @throws IOException if the stream is not a valid {@code .npy} of a supported type, naming {@code source}
     */
    public static NpyArray read(InputStream in, String source) throws IOException {
        DataInputStream din = new DataInputStream(in);
        NpyHeader header = readHeader(din, source);
        try {
            return readData(din, header, source);
        } catch (EOFException e) {
            throw endsEarly(source, e);
        }
    }

    /**
     * Reads the data of one {@code .npy} stream whose {@link #readHeader header} was just read: any
     * {@link ElementType} NumPy can name, of either byte order and in C or Fortran order, widened to
     * float32 (see {@link ElementType#read}) and returned in C order. For weight files, which NumPy
     * writes in whatever type and layout the array had.
     *
     * @param source named in error messages
     */
    public static NpyArray readAsFloats(InputStream in, NpyHeader header, String source) throws IOException {
        DataInputStream din = new DataInputStream(in);
        ElementType type = header.elementType();
        if (type == null) {
            throw new IOException(source + ": unsupported dtype '" + header.descr() + "'");
        }
        int[] shape = header.shape();
        int n = checkedCount(shape, source);
        float[] values = new float[n];
        byte[] chunk = new byte[CHUNK];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(header.byteOrder());
        int perChunk = CHUNK / type.bytes();
        try {
            for (int start = 0; start < n; start += perChunk) {
                int len = Math.min(perChunk, n - start);
                din.readFully(chunk, 0, len * type.bytes());
                buf.clear();
                for (int i = 0; i < len; i++) {
                    values[start + i] = type.read(buf);
                }
            }
        } catch (EOFException e) {
            throw endsEarly(source, e);
        }
        return NpyArray.ofFloats(header.fortranOrder() ? fortranToC(values, shape) : values, shape);
    }

    /**
     * Reads the magic, version and header dict, leaving the stream at the first data byte (nothing
     * beyond the header is consumed).
     *
     * @param source named in error messages
     */
    public static NpyHeader readHeader(InputStream in, String source) throws IOException {
        DataInputStream din = new DataInputStream(in);
        try {
            byte[] magic = new byte[MAGIC.length];
            din.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(source + ": not a .npy file (bad magic)");
            }
            int major = din.readUnsignedByte();
            din.readUnsignedByte();
            long headerLength;
            if (major == 1) {
                headerLength = Short.toUnsignedInt(Short.reverseBytes(din.readShort()));
            } else if (major == 2 || major == 3) {
                headerLength = Integer.toUnsignedLong(Integer.reverseBytes(din.readInt()));
            } else {
                throw new IOException(source + ": unsupported .npy version " + major);
            }
            if (headerLength > 1 << 24) {
                throw new IOException(source + ": .npy header of " + headerLength + " bytes is implausible");
            }
            byte[] text = new byte[(int) headerLength];
            din.readFully(text);
            String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            return new NpyHeader(field(DESCR, dict, "descr", source),
                    "True".equals(field(ORDER, dict, "fortran_order", source)),
                    parseShape(field(SHAPE, dict, "shape", source), source));
        } catch (EOFException e) {
            throw endsEarly(source, e);
        }
    }

    private static IOException endsEarly(String source, EOFException e) {
        return new IOException(source + ": .npy data ends early", e);
    }

    private static int checkedCount(int[] shape, String source) throws IOException {
        long count = NpyArray.elementCount(shape);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": array of " + count + " elements is too large");
        }
        return (int) count;
    }

    private static NpyArray readData(DataInputStream in, NpyHeader header, String source) throws IOException {
        String descr = header.descr();
        NpyArray.DType dtype = NpyArray.DType.ofDescr(descr);
        if (dtype == null) {
            throw new IOException(source + ": unsupported dtype '" + descr + "' (supported: <f4, <i4, |u1)");
        }
        if (header.fortranOrder()) {
            throw new IOException(source + ": Fortran-ordered arrays are not supported; save with C order");
        }
        int[] shape = header.shape();
        int n = checkedCount(shape, source);
        switch (dtype) {
            case UINT8 -> {
                byte[] b = new byte[n];
                in.readFully(b);
                return NpyArray.ofBytes(b, shape);
            }
            case FLOAT32 -> {
                float[] f = new float[n];
                readWords(in, n, (buf, start, len) -> buf.asFloatBuffer().get(f, start, len));
                return NpyArray.ofFloats(f, shape);
            }
            default -> {
                int[] v = new int[n];
                readWords(in, n, (buf, start, len) -> buf.asIntBuffer().get(v, start, len));
                return NpyArray.ofInts(v, shape);
            }
        }
    }

    /**
     * Reorders column-major values (first index fastest) into row-major order (last index fastest).
     */
    static float[] fortranToC(float[] f, int[] shape) {
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

    /** Consumes little-endian 4-byte words chunk by chunk. */
    private interface WordSink {
        void take(ByteBuffer buf, int start, int len);
    }

    private static void readWords(DataInputStream in, int n, WordSink sink) throws IOException {
        byte[] chunk = new byte[CHUNK];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK / 4;
        for (int start = 0; start < n; start += perChunk) {
            int len = Math.min(perChunk, n - start);
            in.readFully(chunk, 0, len * 4);
            buf.clear();
            sink.take(buf, start, len);
        }
    }

    private static String field(Pattern p, String dict, String name, String source) throws IOException {
        Matcher m = p.matcher(dict);
        if (!m.find()) {
            throw new IOException(source + ": .npy header has no valid '" + name + "': " + dict.trim());
        }
        return m.group(1);
    }

    private static int[] parseShape(String tuple, String source) throws IOException {
        String[] parts = tuple.split(",");
        int count = 0;
        int[] dims = new int[parts.length];
        for (String part : parts) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            // NumPy on Windows once wrote long dimensions as "64L"
            if (s.endsWith("L")) {
                s = s.substring(0, s.length() - 1);
            }
            try {
                dims[count++] = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": bad dimension '" + s + "' in .npy shape (" + tuple + ")");
            }
        }
        return java.util.Arrays.copyOf(dims, count);
    }
}
