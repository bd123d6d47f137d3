/**
 * HPA-Cell-Segmentation's own networks (the DPN U-Nets of Zenodo record 4665863, converted once to
 * TorchScript, see docs/hpa-models.md) run from Java with the pre- and post-processing of
 * {@code hpacellseg} 0.1.8's {@code CellSegmentator}: {@link HpaInput} builds the network input as
 * {@code _preprocess} and {@code _segment_helper} do, {@link HpaNetwork} runs one TorchScript file with
 * a softmax, {@link HpaOutput} restores padding and size as {@code _restore_scaling_padding} and
 * {@code img_as_ubyte} do, and {@link HpaModelNetworks} puts them together as the
 * {@link org.hpacell.segment.SegmentationNetworks} of a {@link org.hpacell.segment.NetworkSegmenter}.
 */
package org.hpacell.nn.hpa;
