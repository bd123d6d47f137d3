/** Networks: the torchvision-equivalent ResNet family, a small CPU network, U-Nets, weight import. */
package org.hpacell.nn;
