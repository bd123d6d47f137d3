/** Field-of-view images, label images, binary masks and boxes. */
package org.hpacell.image;
