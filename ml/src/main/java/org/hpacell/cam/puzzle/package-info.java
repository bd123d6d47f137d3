/**
 * Puzzle-CAM (Jo and Yu 2021): the image is also cut into 2x2 tiles that go through the same network;
 * the tiles' class maps, merged back into one map, must classify the image and match the full image's
 * maps. A loss plug-in and a batch builder of the training engine.
 */
package org.hpacell.cam.puzzle;
