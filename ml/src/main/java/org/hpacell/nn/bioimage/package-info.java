/**
 * bioimage.io model packages (a folder or zip holding {@code rdf.yaml} and the files it names): reading
 * the TorchScript weights a package holds ({@link org.hpacell.nn.bioimage.BioimagePackage}), so the
 * networks published on bioimage.io run where hpacell takes a TorchScript file.
 */
package org.hpacell.nn.bioimage;
