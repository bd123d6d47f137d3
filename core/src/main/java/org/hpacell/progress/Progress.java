package org.hpacell.progress;

/**
 * Progress of a long job, reported by the code that does the work and shown by whoever runs it (the
 * CLI draws a bar on a terminal and log lines otherwise). Implementations must be thread-safe:
 * workers call {@link #step(long)} concurrently.
 */
public interface Progress extends AutoCloseable {
    /** A listener that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void step(long n) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public void close() {
        }
    };

    /** {@code n} more units of work are done. */
    void step(long n);

    /** One more unit of work is done. */
    default void step() {
        step(1);
    }

    /** A short status text (e.g. the current loss). */
    void message(String text);

    /** The job is over (successfully or not). */
    @Override
    void close();

    /** Creates {@link Progress} instances for named tasks of known size. */
    @FunctionalInterface
    interface Factory {
        /** A factory whose tasks show nothing. */
        Factory NONE = (task, total) -> Progress.NONE;

        /**
         * @param task  what is being done, e.g. {@code "synth"}
         * @param total units of work, or -1 if unknown
         */
        Progress start(String task, long total);
    }
}
