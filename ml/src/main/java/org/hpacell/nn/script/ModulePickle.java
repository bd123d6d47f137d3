package org.hpacell.nn.script;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code data.pkl} of a TorchScript archive: a pickle (protocol 2) of one {@code __torch__.<Class>}
 * instance whose state is a dict of {@code training} and its tensors. Each tensor is pickled as {@code
 * torch.jit.save} pickles it: {@code torch._utils._rebuild_tensor_v2((persistent id ('storage',
 * torch.FloatStorage, KEY, 'cpu', numel)), 0, size, stride, requires_grad, OrderedDict())}, its data being
 * the archive entry {@code data/KEY} (keys 0, 1, 2, ... in the map's order).
 */
final class ModulePickle {
    private static final int PROTOCOL = 2;
    private final ByteArrayOutputStream o = new ByteArrayOutputStream();

    private ModulePickle() {
    }

    /** The pickle bytes for a module of {@code className} with these tensors (in this order). */
    static byte[] of(String className, boolean training, Map<String, ScriptTensor> tensors) {
        ModulePickle p = new ModulePickle();
        p.o.write(0x80);
        p.o.write(PROTOCOL);
        p.global("__torch__", className);
        p.o.write(')'); // EMPTY_TUPLE
        p.o.write(0x81); // NEWOBJ
        p.o.write('}'); // EMPTY_DICT
        p.o.write('('); // MARK
        p.string("training");
        p.o.write(training ? 0x88 : 0x89);
        int key = 0;
        for (Map.Entry<String, ScriptTensor> e : tensors.entrySet()) {
            p.string(e.getKey());
            p.tensor(e.getValue(), key++);
        }
        p.o.write('u'); // SETITEMS
        p.o.write('b'); // BUILD
        p.o.write('.'); // STOP
        return p.o.toByteArray();
    }

    private void tensor(ScriptTensor t, int key) {
        global("torch._utils", "_rebuild_tensor_v2");
        o.write('(');
        o.write('(');
        string("storage");
        global("torch", "FloatStorage");
        string(Integer.toString(key));
        string("cpu");
        integer(t.values().length);
        o.write('t'); // TUPLE
        o.write('Q'); // BINPERSID
        integer(0);
        tuple(t.shape());
        tuple(t.strides());
        o.write(t.parameter() ? 0x88 : 0x89);
        global("collections", "OrderedDict");
        o.write(')');
        o.write('R'); // REDUCE
        o.write('t');
        o.write('R');
    }

    private void tuple(long[] values) {
        o.write('(');
        for (long v : values) {
            integer(v);
        }
        o.write('t');
    }

    private void global(String module, String name) {
        o.write('c');
        o.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** BININT: a signed 4-byte little-endian integer. */
    private void integer(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large for this archive writer: " + v);
        }
        o.write('J');
        le32((int) v);
    }

    /** BINUNICODE: 4-byte little-endian length, then the UTF-8 bytes. */
    private void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.write('X');
        le32(b.length);
        o.writeBytes(b);
    }

    private void le32(int v) {
        o.write(v);
        o.write(v >>> 8);
        o.write(v >>> 16);
        o.write(v >>> 24);
    }
}
