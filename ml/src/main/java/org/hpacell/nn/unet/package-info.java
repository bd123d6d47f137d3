/**
 * U-Nets built from swappable parts, as in segmentation_models_pytorch: a {@link
 * org.hpacell.nn.FeatureEncoder} (the classic double-convolution encoder, or a stage-1 ResNet/small
 * network), a {@link org.hpacell.nn.unet.UNetDecoder} with skip connections, and a per-pixel head.
 */
package org.hpacell.nn.unet;
