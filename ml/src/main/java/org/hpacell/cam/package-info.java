/**
 * Class activation maps (CAM) of image-level classifiers: extraction from the last feature map and the
 * classifier weights, test-time augmentation, ensembles, storage as {@code .npz}, and per-cell scores
 * from the maps. The training variants that sharpen CAMs (Puzzle-CAM, SC-CAM, the cell puzzle FCAN)
 * live in sub-packages as losses and batch builders of the one training engine.
 */
package org.hpacell.cam;
