/**
 * The Fair Cell Activation Network (FCAN), the 2021 HPA winner's cell puzzle: Puzzle-CAM whose four
 * pieces are three randomly chosen single cells of the field (other pixels black) and one piece of all
 * the other cells, so each cell must be classified on its own and the full field's features must equal
 * the features of its cells put back together. Also the classification losses the winner combined:
 * focal (from the engine), hard-example BCE and the symmetric Lovasz hinge.
 */
package org.hpacell.cam.fcan;
