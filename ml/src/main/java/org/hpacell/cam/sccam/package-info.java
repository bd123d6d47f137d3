/**
 * SC-CAM (Chang et al. 2020): after a round of training, the pooled features of the training images
 * of each class are clustered into K sub-categories; the next round adds a head predicting the
 * {@code classes x K} sub-categories, which forces the features to separate the sub-types within a
 * class and so spreads the class maps over more of the object.
 */
package org.hpacell.cam.sccam;
