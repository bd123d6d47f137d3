/** Image-level metrics of the classifier: average precision per class and its macro mean. */
package org.hpacell.train.metric;
