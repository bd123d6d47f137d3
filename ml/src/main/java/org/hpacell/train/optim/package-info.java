/**
 * Optimisers with PyTorch's update rules whose state (moments, step count) is plain arrays the engine
 * saves in checkpoints, so a resumed run continues exactly; and the learning-rate schedule.
 */
package org.hpacell.train.optim;
