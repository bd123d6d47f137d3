package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.hpacell.train.EngineLog;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class EngineLoggingTest {
    private static final AtomicInteger FRESH = new AtomicInteger();

    /**
     * A logger in DJL's CUDA package (where "Failed to detect GPU count" comes from) that nothing has created
     * yet, so its level is resolved from the configuration now, as a DJL class's logger is when it loads.
     */
    private static Logger freshDjlLogger() {
        return LoggerFactory.getLogger("ai.djl.util.cuda.Probe" + FRESH.incrementAndGet());
    }

    @Test
    void theDistributionsLoggingHidesDjlWarningsButNotItsErrors() {
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName(),
                "the cli's SLF4J backend");
        assertNull(System.getProperty(EngineLogging.DJL_LEVEL), "nothing overrides the properties file");
        Logger djl = freshDjlLogger();
        assertFalse(djl.isWarnEnabled(), "DJL's warnings reach the output by default");
        assertTrue(djl.isErrorEnabled(), "DJL's errors must still show");
        assertTrue(LoggerFactory.getLogger("org.example.Other").isWarnEnabled(), "other libraries' warnings show");
    }

    @Test
    void theEngineIsQuietByDefaultAndVerboseShowsItsWarningsForThatRunOnly() {
        CommandLine cl = HpaCell.commandLine();
        boolean[] warn = new boolean[1];
        EngineLog.Level[] nativeLevel = new EngineLog.Level[1];
        EngineLogging.run(false, cl, () -> {
            warn[0] = freshDjlLogger().isWarnEnabled();
            nativeLevel[0] = EngineLog.current().orElseThrow();
            return 0;
        });
        assertFalse(warn[0]);
        assertEquals(EngineLog.choose(System.getenv(EngineLog.ENV), false), nativeLevel[0]);

        EngineLogging.run(true, cl, () -> {
            warn[0] = freshDjlLogger().isWarnEnabled();
            nativeLevel[0] = EngineLog.current().orElseThrow();
            return 0;
        });
        assertTrue(warn[0], "--verbose: DJL's warnings show");
        assertEquals(EngineLog.choose(System.getenv(EngineLog.ENV), true), nativeLevel[0]);
        assertTrue(nativeLevel[0].compareTo(EngineLog.Level.WARNING) <= 0, "--verbose: libtorch's warnings show");
        assertNull(System.getProperty(EngineLogging.DJL_LEVEL), "the raised level ends with the run");
    }

    @Test
    void onlyCommandsThatRunNetworksLoadTheEngine() {
        assertTrue(usesEngine("train", "--config", "c.json", "--data", "d", "--out", "o"));
        assertTrue(usesEngine("bench", "infer"));
        assertTrue(usesEngine("segment", "--data", "d", "--out", "o", "--segmenter", "unet"));
        assertFalse(usesEngine("segment", "--data", "d", "--out", "o"), "the classical segmenter has no network");
        assertFalse(usesEngine("segment", "--nuclei-pred", "n.png", "--cell-pred", "c.png", "--out", "o"));
        assertFalse(usesEngine("evaluate", "--truth", "t.csv", "--predictions", "p.csv"));
        assertFalse(usesEngine("synth", "--out", "o"));
    }

    private static boolean usesEngine(String... args) {
        CommandLine.ParseResult parsed = HpaCell.commandLine().parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().userObject() instanceof UsesEngine e && e.usesEngine();
    }
}
