package org.hpacell.nn.script;

import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript module made from source text: the zip archive {@code torch.jit.save} writes for a module
 * without parameters, which libtorch compiles when it loads it.
 *
 * <p>The archive holds, under one top folder: {@code code/__torch__.py} (the class in TorchScript's
 * serialised dialect: the class body declares {@code __parameters__}, {@code __buffers__} and its
 * attributes, methods take an annotated {@code self}), {@code data.pkl} (the module object: a pickle,
 * protocol 2, of an instance of {@code __torch__.<Class>} whose only attribute is {@code training =
 * True}), {@code constants.pkl} (an empty tuple) and {@code version} (format 3, which every libtorch since
 * 1.4 reads). Entries are stored uncompressed, as {@code torch.jit.save} writes them.
 */
public final class TorchScriptArchive {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int PICKLE_PROTOCOL = 2;

    private TorchScriptArchive() {
    }

    /**
     * The archive bytes.
     *
     * @param className the module class the source defines (a Python identifier)
     * @param source    TorchScript source of {@code class <className>(Module): ...}
     */
    public static byte[] of(String className, String source) {
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new IllegalArgumentException("not a TorchScript class name: '" + className + "'");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String root = className.toLowerCase(java.util.Locale.ROOT) + "/";
            put(zip, root + "data.pkl", moduleObject(className));
            put(zip, root + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            put(zip, root + "constants.pkl", new byte[] {(byte) 0x80, PICKLE_PROTOCOL, ')', '.'});
            put(zip, root + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Compiles the module in the engine; the caller owns the returned block (closed with {@code manager}). */
    public static PtSymbolBlock load(PtNDManager manager, String className, String source) {
        try {
            return JniUtils.loadModule(manager, new ByteArrayInputStream(of(className, source)), false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code PROTO 2; GLOBAL '__torch__ <Class>'; EMPTY_TUPLE; NEWOBJ; EMPTY_DICT; MARK; 'training';
     * True; SETITEMS; BUILD; STOP}: the object {@code torch.jit.save} pickles for a parameterless module.
     */
    private static byte[] moduleObject(String className) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x80);
        o.write(PICKLE_PROTOCOL);
        o.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
        o.write(')');
        o.write(0x81);
        o.write('}');
        o.write('(');
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        o.write('X'); // BINUNICODE: 4-byte little-endian length, then the UTF-8 bytes
        o.write(key.length);
        o.write(0);
        o.write(0);
        o.write(0);
        o.writeBytes(key);
        o.write(0x88); // NEWTRUE
        o.write('u');
        o.write('b');
        o.write('.');
        return o.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
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
