package org.hpacell.train;

import java.lang.management.ManagementFactory;

/**
 * A reading of the wall clock and of the process's CPU time (user + system, all threads), or the
 * difference of two readings. On a machine shared with other jobs the wall time of a step grows with
 * the load; its CPU time much less, so both are reported side by side.
 *
 * @param wallNanos {@link System#nanoTime()}
 * @param cpuNanos  the process CPU time, or -1 where the platform does not report it
 */
public record ClockReading(long wallNanos, long cpuNanos) {
    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os : null;

    /** The clocks now. */
    public static ClockReading now() {
        return new ClockReading(System.nanoTime(), OS == null ? -1 : OS.getProcessCpuTime());
    }

    /** The time from {@code earlier} to this reading. */
    public ClockReading since(ClockReading earlier) {
        long cpu = cpuNanos < 0 || earlier.cpuNanos < 0 ? -1 : cpuNanos - earlier.cpuNanos;
        return new ClockReading(wallNanos - earlier.wallNanos, cpu);
    }

    /** The time from this reading to now. */
    public ClockReading elapsed() {
        return now().since(this);
    }
}
