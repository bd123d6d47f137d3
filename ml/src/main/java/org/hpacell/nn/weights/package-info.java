/**
 * Tensor files exchanged with Python ({@code .safetensors}, {@code .npz}/{@code .npy}, parsed here
 * without native code) and the import of PyTorch state dicts onto DJL blocks by parameter name.
 */
package org.hpacell.nn.weights;
