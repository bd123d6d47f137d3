/**
 * The training engine shared by every stage of hpacell: one loop ({@link org.hpacell.train.TrainingLoop})
 * with plug-in points for the objective and the batch builder, checkpoints that resume exactly, a
 * metrics log with plots, run provenance, and batched image-level prediction with test-time
 * augmentation.
 */
package org.hpacell.train;
