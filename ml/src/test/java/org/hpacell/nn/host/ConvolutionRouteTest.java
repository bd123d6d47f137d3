package org.hpacell.nn.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route of 1x1 convolutions is decided from a host's facts, injected here as the files Linux reports
 * them in: the host of issue 14 (AMD EPYC with AVX-512, no cache folder) gets the matrix route, every
 * host that reports cache sizes gets oneDNN, and the user's override wins.
 */
class ConvolutionRouteTest {
    @TempDir
    Path dir;

    private static final String EPYC_FLAGS = "fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx f16c fma avx2 avx512f avx512bw";

    private Path cpuinfo(String model, String flags) throws IOException {
        return Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: "
                + model + "\nflags\t\t: " + flags + "\n\nprocessor\t: 1\nmodel name\t: other\nflags\t\t: sse\n");
    }

    private Path cacheDir(String... sizes) throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        for (int i = 0; i < sizes.length; i++) {
            Path level = Files.createDirectories(cache.resolve("index" + i));
            Files.writeString(level.resolve("size"), sizes[i] + "\n");
            Files.writeString(level.resolve("level"), (i < 2 ? 1 : i) + "\n");
            Files.writeString(level.resolve("type"), i == 0 ? "Data\n" : i == 1 ? "Instruction\n" : "Unified\n");
        }
        return cache;
    }

    @Test
    void aHostWithoutCacheFolderAndAvx2GetsTheMatrixRoute() throws IOException {
        CpuFacts host = CpuFacts.read("amd64", cpuinfo("AMD EPYC", EPYC_FLAGS), dir.resolve("no-such-cache"));
        assertFalse(host.cacheSizesReported());
        assertTrue(host.avx2());
        assertEquals("AMD EPYC", host.modelName());
        ConvolutionRoute.Decision d = ConvolutionRoute.decide(host, null, null);
        assertEquals(ConvolutionRoute.MATRIX_PRODUCT, d.route());
        assertFalse(d.overridden());
        assertTrue(d.notable());
        assertTrue(d.reason().contains("no cache sizes"), d.reason());
        assertTrue(host.describe().contains("does not exist"), host.describe());
    }

    @Test
    void allZeroCacheSizesCountAsNoneReported() throws IOException {
        CpuFacts host = CpuFacts.read("amd64", cpuinfo("AMD EPYC", EPYC_FLAGS), cacheDir("0", "0K", "0K"));
        assertFalse(host.cacheSizesReported());
        assertEquals(ConvolutionRoute.MATRIX_PRODUCT, ConvolutionRoute.decide(host, "auto", null).route());
    }

    @Test
    void aHostThatReportsCacheSizesKeepsOneDnn() throws IOException {
        CpuFacts host = CpuFacts.read("amd64", cpuinfo("AMD EPYC", EPYC_FLAGS), cacheDir("32K", "32K", "512K", "32M"));
        assertTrue(host.cacheSizesReported());
        assertEquals("L1d 32K, L1i 32K, L2 512K, L3 32768K", host.cacheSummary());
        ConvolutionRoute.Decision d = ConvolutionRoute.decide(host, "", null);
        assertEquals(ConvolutionRoute.ONEDNN, d.route());
        assertFalse(d.notable());
    }

    @Test
    void withoutAvx2OrOffX86OrBelowAvx2ByCapOneDnnIsSafe() throws IOException {
        Path noCache = dir.resolve("none");
        CpuFacts avxOnly = CpuFacts.read("amd64", cpuinfo("old", "sse sse2 avx"), noCache);
        assertEquals(ConvolutionRoute.ONEDNN, ConvolutionRoute.decide(avxOnly, null, null).route());
        CpuFacts arm = CpuFacts.read("aarch64", cpuinfo("arm", "fp asimd"), noCache);
        assertEquals(ConvolutionRoute.ONEDNN, ConvolutionRoute.decide(arm, null, null).route());
        CpuFacts epyc = CpuFacts.read("amd64", cpuinfo("AMD EPYC", EPYC_FLAGS), noCache);
        assertEquals(ConvolutionRoute.ONEDNN, ConvolutionRoute.decide(epyc, null, "avx").route());
        assertEquals(ConvolutionRoute.MATRIX_PRODUCT, ConvolutionRoute.decide(epyc, null, "AVX2").route());
    }

    @Test
    void theUsersChoiceWinsAndABadOneIsNamed() throws IOException {
        CpuFacts epyc = CpuFacts.read("amd64", cpuinfo("AMD EPYC", EPYC_FLAGS), dir.resolve("none"));
        ConvolutionRoute.Decision keep = ConvolutionRoute.decide(epyc, "onednn", null);
        assertEquals(ConvolutionRoute.ONEDNN, keep.route());
        assertTrue(keep.overridden() && keep.notable());
        CpuFacts healthy = CpuFacts.read("amd64", cpuinfo("x", EPYC_FLAGS), cacheDir("48K"));
        assertEquals(ConvolutionRoute.MATRIX_PRODUCT, ConvolutionRoute.decide(healthy, " MatMul ", null).route());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvolutionRoute.decide(healthy, "fast", null));
        assertTrue(e.getMessage().contains(ConvolutionRoute.ENVIRONMENT) && e.getMessage().contains("'fast'"),
                e.getMessage());
    }

    @Test
    void unreadableFilesLeaveTheFactsUnknownWithoutFailing() {
        CpuFacts host = CpuFacts.read("amd64", dir.resolve("missing"), dir.resolve("missing-cache"));
        assertEquals("unknown", host.modelName());
        assertTrue(host.flags().isEmpty());
        assertEquals(ConvolutionRoute.ONEDNN, ConvolutionRoute.decide(host, null, null).route());
    }

    @Test
    void sysfsSizesParse() throws IOException {
        Path f = dir.resolve("size");
        Files.writeString(f, "1024K\n");
        assertEquals(1024L * 1024, CpuFacts.sizeBytes(f));
        Files.writeString(f, "32M");
        assertEquals(32L << 20, CpuFacts.sizeBytes(f));
        Files.writeString(f, "junk");
        assertEquals(-1, CpuFacts.sizeBytes(f));
    }
}
