package org.hpacell.train.config;

import java.util.Locale;

/** The optimiser and its hyper-parameters (PyTorch's definitions of Adam, AdamW and SGD). */
public final class OptimizerConfig {
    /** {@code adam}, {@code adamw} or {@code sgd}. */
    public String name = "adam";
    /** Peak learning rate (reached after warm-up). */
    public double learningRate = 1e-3;
    /** L2 penalty added to the gradient (adam, sgd) or decoupled decay (adamw). */
    public double weightDecay = 0;
    public double beta1 = 0.9;
    public double beta2 = 0.999;
    public double epsilon = 1e-8;
    /** SGD momentum (0 = plain SGD). */
    public double momentum = 0.9;

    void validate() {
        String n = name.toLowerCase(Locale.ROOT);
        if (!n.equals("adam") && !n.equals("adamw") && !n.equals("sgd")) {
            throw new IllegalArgumentException("optimizer.name must be adam, adamw or sgd, got '" + name + "'");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("optimizer.learningRate must be positive, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("optimizer.weightDecay must be >= 0, got " + weightDecay);
        }
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("optimizer.beta1/beta2 must be in [0, 1)");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("optimizer.momentum must be in [0, 1), got " + momentum);
        }
    }
}
