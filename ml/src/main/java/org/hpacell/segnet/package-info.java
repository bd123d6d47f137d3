/**
 * hpacell's own segmentation networks, HPA-Cell-Segmentation style: two small U-Nets (nuclei from the
 * blue channel, cells from red, yellow and blue) predicting HPA's three softmax channels (background,
 * touching border, foreground), trained by the one training engine on the true label images of a
 * synthetic atlas ({@link org.hpacell.segnet.SegmenterTraining}), and run on fields as
 * {@link org.hpacell.segment.SegmentationNetworks} ({@link org.hpacell.segnet.UNetSegmentationNetworks})
 * so that {@link org.hpacell.segment.NetworkSegmenter} with HPA's post-processing turns them into cells.
 * A small trained pair ships as a resource ({@link org.hpacell.segnet.ShippedSegmenter}).
 */
package org.hpacell.segnet;
