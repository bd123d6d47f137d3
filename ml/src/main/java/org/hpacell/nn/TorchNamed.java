package org.hpacell.nn;

import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * A block that names its parameters itself, PyTorch style, instead of by {@link TorchNames}'
 * generic walk (for example to leave a wrapper's own name out of its children's names).
 */
public interface TorchNamed {
    /** Parameters by PyTorch state-dict name, in registration order. */
    Map<String, Parameter> torchParameters();
}
