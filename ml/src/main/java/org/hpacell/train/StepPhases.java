package org.hpacell.train;

/**
 * Where the time of one training step went, measured by {@link StepRunner}.
 *
 * @param forward   the objective: forward pass and loss (PyTorch: {@code loss = f(model(x), y)})
 * @param backward  back-propagation of the loss ({@code loss.backward()})
 * @param optimiser the parameter update and the zeroing of the gradients ({@code opt.step(); opt.zero_grad()})
 */
public record StepPhases(ClockReading forward, ClockReading backward, ClockReading optimiser) {
}
