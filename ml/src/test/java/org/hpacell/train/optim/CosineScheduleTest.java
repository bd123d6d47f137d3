package org.hpacell.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CosineScheduleTest {
    @Test
    void warmupThenCosine() {
        CosineSchedule s = new CosineSchedule(1.0, 0.1, 4, 14);
        assertEquals(0.25, s.learningRate(0), 1e-12);
        assertEquals(0.5, s.learningRate(1), 1e-12);
        assertEquals(1.0, s.learningRate(3), 1e-12);
        assertEquals(1.0, s.learningRate(4), 1e-12);          // cosine starts at the peak
        assertEquals(0.55, s.learningRate(9), 1e-12);         // half way: (peak + min) / 2
        assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 0.3)), s.learningRate(7), 1e-12);
        assertEquals(0.1, s.learningRate(14), 1e-12);
        assertEquals(0.1, s.learningRate(100), 1e-12);
    }

    @Test
    void withoutWarmup() {
        CosineSchedule s = new CosineSchedule(2.0, 0, 0, 4);
        assertEquals(2.0, s.learningRate(0), 1e-12);
        assertEquals(1.0, s.learningRate(2), 1e-12);
    }
}
