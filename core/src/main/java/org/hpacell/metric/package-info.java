/**
 * The competition metric: mean average precision over the 19 classes at IoU 0.6, as the HPA organisers'
 * scorer (the TensorFlow Object Detection API's Open Images challenge evaluator) computes it, with IoUs
 * taken exactly from COCO RLE runs or bounding boxes. See {@link org.hpacell.metric.MapEvaluator}.
 */
package org.hpacell.metric;
