/**
 * Native kernels written in TorchScript: operations the engine's Java API does not expose (in-place ReLU,
 * PyTorch's exact Adam and SGD updates over every parameter in one call), compiled by libtorch from
 * source text held in this module, without Python.
 */
package org.hpacell.nn.script;
