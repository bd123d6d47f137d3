package org.hpacell.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hpacell.progress.Progress;

/**
 * Shows {@link Progress} on the console: a progress bar with rate and ETA when standard error is a
 * terminal, otherwise plain log lines (at most one every few seconds, plus the final one), so logs of
 * batch jobs stay readable.
 */
final class ConsoleProgress {
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private ConsoleProgress() {
    }

    /** The factory for a command's options: nothing when quiet, a bar on a terminal, log lines otherwise. */
    static Progress.Factory factory(CommonOptions options) {
        if (options.quiet()) {
            return Progress.Factory.NONE;
        }
        return System.console() != null ? ConsoleProgress::bar : (task, total) -> new LogLines(task, total, System.err);
    }

    private static Progress bar(String task, long total) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .continuousUpdate()
                .build();
        return new Progress() {
            @Override
            public void step(long n) {
                bar.stepBy(n);
            }

            @Override
            public void message(String text) {
                bar.setExtraMessage(text);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Progress as log lines: "task: 12/40 (30%) 3.1/s ETA 9s". */
    static final class LogLines implements Progress {
        private final String task;
        private final long total;
        private final PrintStream out;
        private final long start = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private volatile long lastPrint = start;
        private volatile String message = "";

        LogLines(String task, long total, PrintStream out) {
            this.task = task;
            this.total = total;
            this.out = out;
        }

        @Override
        public void step(long n) {
            done.addAndGet(n);
            long now = System.nanoTime();
            if (now - lastPrint >= LOG_INTERVAL_NANOS) {
                lastPrint = now;
                print(now);
            }
        }

        @Override
        public void message(String text) {
            message = text;
        }

        @Override
        public void close() {
            print(System.nanoTime());
        }

        private synchronized void print(long now) {
            long d = done.get();
            double secs = Math.max(1e-9, (now - start) / 1e9);
            double rate = d / secs;
            StringBuilder sb = new StringBuilder(task).append(": ").append(d);
            if (total > 0) {
                sb.append('/').append(total).append(String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * d / total)));
            }
            sb.append(String.format(Locale.ROOT, " %.2f/s", rate));
            if (total > 0 && rate > 0 && d < total) {
                sb.append(String.format(Locale.ROOT, " ETA %ds", Math.round((total - d) / rate)));
            } else {
                sb.append(String.format(Locale.ROOT, " in %.1fs", secs));
            }
            if (!message.isEmpty()) {
                sb.append("  ").append(message);
            }
            out.println(sb);
            out.flush();
        }
    }
}
