package org.hpacell.nn.script;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernels of {@code kernels.torchscript} (a resource beside this class): each class there is compiled
 * once per process into its own module, shared by every thread (a TorchScript method may run on several
 * threads at once).
 *
 * <p>Why: DJL's PyTorch API has no in-place ReLU (its {@code relu} allocates a new activation-sized
 * tensor each time), no memory formats (every convolution then converts NCHW to oneDNN's layout and
 * back, allocating activation-sized buffers each time), and its fused Adam update clones every gradient
 * and adds a weight-decay term even when the decay is zero. The kernels here are the operations PyTorch
 * itself runs.
 */
public final class ScriptKernels {
    private static final String RESOURCE = "kernels.torchscript";

    private final PtSymbolBlock relu;
    private final PtSymbolBlock channelsLast;
    private final PtSymbolBlock updates;

    private ScriptKernels(String source) {
        // The modules live as long as the process: their manager is never closed.
        PtNDManager manager = (PtNDManager) NDManager.newBaseManager();
        relu = TorchScriptArchive.load(manager, "ReluInPlace", source);
        channelsLast = TorchScriptArchive.load(manager, "ChannelsLast", source);
        updates = TorchScriptArchive.load(manager, "Updates", source);
    }

    private static final class Holder {
        static final ScriptKernels INSTANCE = load();
    }

    /** The process-wide instance, compiled on first use. */
    public static ScriptKernels get() {
        return Holder.INSTANCE;
    }

    private static ScriptKernels load() {
        Engine.getEngine("PyTorch");
        try (InputStream in = ScriptKernels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing beside "
                        + ScriptKernels.class.getName());
            }
            return new ScriptKernels(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ReLU in place: {@code x} itself is overwritten and returned. Under autograd it is recorded as
     * {@code torch.relu_}: legal wherever the operation that produced {@code x} does not need its own
     * output for the backward pass (true of convolution, batch norm and addition, not of e.g. sigmoid).
     */
    public static NDArray reluInPlace(NDArray x) {
        applyTo(get().relu, x).close();
        return x;
    }

    /**
     * {@code x} with its data in channels-last (NHWC) order, as {@code x.contiguous(memory_format=
     * torch.channels_last)}: a new array in {@code x}'s manager (or the same data, if already in that
     * order), recorded by autograd. Shape, indexing, {@code toFloatArray()} and every operation's result
     * are those of {@code x}; only the speed of convolutions and batch norm changes.
     */
    public static NDArray channelsLast(NDArray x) {
        return applyTo(get().channelsLast, x).singletonOrThrow();
    }

    /**
     * Stores a 4-d parameter's data in channels-last order in place (values, shape and every handle
     * unchanged); other arrays are left as they are. Gradients then come out in the same order, and an
     * optimiser's state follows it at its next update.
     *
     * @return whether {@code param} is now in channels-last order
     */
    public static boolean toChannelsLastInPlace(NDArray param) {
        return get().call("channels_last_", param) == 1;
    }

    /** Whether a 4-d array's data is in channels-last (NHWC) order. */
    public static boolean isChannelsLast(NDArray x) {
        return get().call("is_channels_last", x) == 1;
    }

    /**
     * Runs a module's forward on one array under the thread's grad mode. (With the training flag false,
     * the engine would run it in inference mode: outputs could not be saved for backward, and an
     * in-place operation would go unrecorded, its gradient lost.)
     */
    private static NDList applyTo(PtSymbolBlock module, NDArray x) {
        return IValueUtils.forward(module, new NDList(x), true);
    }

    /**
     * Runs a method of the {@code Updates} module ({@code adam}, {@code sgd}, {@code channels_last_}) with
     * autograd off and returns its int result. Arguments may be {@link IValue}s (the caller keeps and
     * closes them), arrays, doubles, floats, longs, ints or booleans (converted here and freed after the
     * call).
     */
    public long call(String method, Object... args) {
        IValue[] values = new IValue[args.length];
        List<IValue> converted = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i] instanceof IValue v ? v : toValue(args[i], method, i);
                if (values[i] != args[i]) {
                    converted.add(values[i]);
                }
            }
            try (IValue out = IValueUtils.runMethod(updates, method, values)) {
                return out.toLong();
            }
        } finally {
            converted.forEach(IValue::close);
        }
    }

    private static IValue toValue(Object arg, String method, int index) {
        if (arg instanceof PtNDArray a) {
            return IValue.from(a);
        } else if (arg instanceof Double || arg instanceof Float) {
            return IValue.from(((Number) arg).doubleValue());
        } else if (arg instanceof Long || arg instanceof Integer) {
            return IValue.from(((Number) arg).longValue());
        } else if (arg instanceof Boolean b) {
            return IValue.from(b);
        }
        throw new IllegalArgumentException("kernel " + method + ": argument " + index + " has unsupported type "
                + (arg == null ? "null" : arg.getClass().getName()));
    }

    /** A TorchScript {@code List[Tensor]} of the arrays (the list holds references, not copies). */
    public static IValue tensorList(List<? extends NDArray> arrays) {
        return IValue.listFrom(arrays.stream().map(a -> (PtNDArray) a).toArray(PtNDArray[]::new));
    }
}
