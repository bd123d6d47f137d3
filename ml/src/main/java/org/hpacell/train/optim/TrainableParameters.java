package org.hpacell.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.IValue;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.nn.script.ScriptKernels;

/**
 * The parameters of a block that the optimiser updates (those that require a gradient, in the block's
 * order), with gradients switched on. The optimisers pass them to a TorchScript kernel as one list, which
 * reads and zeroes the gradients inside libtorch (no Java handle per gradient).
 */
public final class TrainableParameters {
    private final List<Parameter> parameters;

    public TrainableParameters(Block block) {
        List<Parameter> list = new ArrayList<>();
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (p.requiresGradient()) {
                NDArray a = p.getArray();
                if (!a.hasGradient()) {
                    a.setRequiresGradient(true);
                }
                list.add(p);
            }
        }
        this.parameters = List.copyOf(list);
    }

    public List<Parameter> list() {
        return parameters;
    }

    public int size() {
        return parameters.size();
    }

    public NDArray array(int i) {
        return parameters.get(i).getArray();
    }

    /** Total number of scalar weights. */
    public long count() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.getArray().getShape().size();
        }
        return n;
    }

    /** A zero array shaped as each parameter, in order, owned by {@code manager}. */
    public List<NDArray> zerosLike(NDManager manager) {
        List<NDArray> zeros = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            zeros.add(manager.zeros(w.getShape(), w.getDataType()));
        }
        return zeros;
    }

    /**
     * The parameter arrays as a TorchScript {@code List[Tensor]} for a kernel (read at each call, so a
     * parameter whose array was replaced is seen as it is now); the caller closes it.
     */
    public IValue tensorList() {
        List<NDArray> arrays = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            arrays.add(p.getArray());
        }
        return ScriptKernels.tensorList(arrays);
    }
}
