/**
 * bioimage.io model packages (a folder or zip holding {@code rdf.yaml} and the files it names): reading
 * the TorchScript weights a package holds ({@link org.hpacell.nn.bioimage.BioimagePackage}), so the
 * networks published on bioimage.io run where hpacell takes a TorchScript file; and writing hpacell's own
 * trained classifiers and segmentation U-Nets as packages ({@link org.hpacell.nn.bioimage.ModelPackage}),
 * their TorchScript written without Python ({@link org.hpacell.nn.bioimage.ClassifierScript}, {@link
 * org.hpacell.nn.bioimage.UNetScript}).
 */
package org.hpacell.nn.bioimage;
