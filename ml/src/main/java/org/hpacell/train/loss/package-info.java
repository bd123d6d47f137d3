/**
 * Losses: multi-label classification losses on logits ({@link org.hpacell.train.loss.ClassificationLoss}:
 * BCE, focal) and the objective plug-in point ({@link org.hpacell.train.loss.Objective}) through which
 * training variants (plain classifier, Puzzle-CAM, SC-CAM, cell puzzle) define what a step minimises.
 */
package org.hpacell.train.loss;
