/** The 19 HPA localisation classes and compact label sets. */
package org.hpacell.atlas;
