/**
 * Networks: the torchvision-equivalent ResNet family and a small CPU network as {@link
 * org.hpacell.nn.FeatureEncoder}s, image classifiers on them ({@link org.hpacell.nn.EncoderClassifier},
 * the {@link org.hpacell.nn.ImageClassifier} contract), the registry by name ({@link
 * org.hpacell.nn.Architectures}), PyTorch parameter names ({@link org.hpacell.nn.TorchNames}) and
 * TorchScript models. Subpackages: {@code unet} (U-Nets), {@code weights} (tensor files and weight
 * import), {@code store} (saving and loading by name).
 */
package org.hpacell.nn;
