/** The segmentation benchmark: instance AP and time per field of each segmenter on a synthetic atlas. */
package org.hpacell.segnet.bench;
