/**
 * Tensor files exchanged with Python ({@code .safetensors}, parsed here, and {@code .npz}/{@code .npy},
 * through {@link org.hpacell.io.npz}; both without native code) and the import of PyTorch state dicts
 * onto DJL blocks by parameter name.
 */
package org.hpacell.nn.weights;
