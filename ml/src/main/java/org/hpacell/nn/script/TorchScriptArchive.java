package org.hpacell.nn.script;

import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript module made from source text: the zip archive {@code torch.jit.save} writes, which
 * libtorch compiles when it loads it; the module may hold tensors (its parameters and buffers).
 *
 * <p>The archive holds, under one top folder: {@code code/__torch__.py} (the class in TorchScript's
 * serialised dialect: the class body declares {@code __parameters__}, {@code __buffers__} and its
 * attributes, methods take an annotated {@code self}), {@code data.pkl} (the module object: a pickle,
 * protocol 2, of an instance of {@code __torch__.<Class>} with {@code training} and its tensors, see
 * {@link ModulePickle}), {@code data/N} (the tensors' values), {@code constants.pkl} (an empty tuple) and
 * {@code version} (format 3, which every libtorch since 1.4 reads). Entries are stored uncompressed, as
 * {@code torch.jit.save} writes them.
 */
public final class TorchScriptArchive {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int PICKLE_PROTOCOL = 2;
    /** Every entry's time, so that the same module gives the same bytes (and sha256) each time. */
    private static final java.time.LocalDateTime ENTRY_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

    private TorchScriptArchive() {
    }

    /**
     * The archive bytes of a module without tensors.
     *
     * @param className the module class the source defines (a Python identifier)
     * @param source    TorchScript source of {@code class <className>(Module): ...}
     */
    public static byte[] of(String className, String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, className, source, Map.of(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the archive of a module holding tensors: each is an attribute of the module (the source
     * declares it, {@code name : Tensor}, and lists it in {@code __parameters__} or {@code __buffers__}),
     * pickled in {@code data.pkl} as {@code torch.jit.save} pickles tensors, its values in the entry {@code
     * data/N} (float32, little-endian). libtorch and PyTorch ({@code torch.jit.load}) load it as a module with
     * these parameters and buffers.
     *
     * @param tensors  the module's tensors by attribute name, in the order the archive stores them
     * @param training the module's {@code training} flag
     */
    public static void write(OutputStream out, String className, String source, Map<String, ScriptTensor> tensors,
                             boolean training) throws IOException {
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new IllegalArgumentException("not a TorchScript class name: '" + className + "'");
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        String root = className.toLowerCase(java.util.Locale.ROOT) + "/";
        put(zip, root + "data.pkl", ModulePickle.of(className, training, tensors));
        put(zip, root + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
        put(zip, root + "constants.pkl", new byte[] {(byte) 0x80, PICKLE_PROTOCOL, ')', '.'});
        put(zip, root + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        int key = 0;
        for (ScriptTensor t : tensors.values()) {
            ByteBuffer data = ByteBuffer.allocate(t.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            data.asFloatBuffer().put(t.values());
            put(zip, root + "data/" + key++, data.array());
        }
        zip.finish();
    }

    /** Compiles the module in the engine; the caller owns the returned block (closed with {@code manager}). */
    public static PtSymbolBlock load(PtNDManager manager, String className, String source) {
        try {
            return JniUtils.loadModule(manager, new ByteArrayInputStream(of(className, source)), false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
