/**
 * Saving and loading our own networks: a JSON description of the architecture ({@link
 * org.hpacell.nn.store.NetworkSpec}) beside DJL's parameter file, so a run directory reloads by name.
 */
package org.hpacell.nn.store;
