/** HPA and Kaggle file formats: images, train.csv, submissions, the mask codec; atomic file writing. */
package org.hpacell.io;
