package org.hpacell.nn.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The facts about the CPU that decide how the native engine may run, as Linux reports them: the machine
 * architecture, the model name and instruction-set flags of {@code /proc/cpuinfo}, and whether the kernel
 * knows the sizes of the CPU's caches ({@code /sys/devices/system/cpu/cpu0/cache/index*}{@code /size}).
 *
 * <p>Why the caches: some virtual machines report no cache sizes (their {@code lscpu} lists no cache
 * lines and the sysfs folder is missing). The kernel builds that folder from the same CPUID leaves
 * (4 on Intel, 0x8000001D on AMD) from which oneDNN reads cache sizes, so a missing or all-zero folder
 * means oneDNN sees a cache size of 0 too.
 *
 * @param arch               {@code os.arch} as Java reports it ({@code amd64}, {@code aarch64}, ...)
 * @param modelName          the first {@code model name} of {@code /proc/cpuinfo}, or "unknown"
 * @param flags              the first {@code flags} line's instruction-set flags (lower case), empty if unknown
 * @param cacheSizesReported whether at least one cache level has a nonzero size in sysfs
 * @param cacheSummary       the sizes found ("L1d 48K, L2 1024K, ...") or why none were
 */
public record CpuFacts(String arch, String modelName, Set<String> flags, boolean cacheSizesReported,
                       String cacheSummary) {
    /** Immutable copy of the flags. */
    public CpuFacts {
        flags = Set.copyOf(flags);
    }

    /** The facts of this host (never throws: an unreadable file leaves its facts unknown). */
    public static CpuFacts ofThisHost() {
        return read(System.getProperty("os.arch", "unknown"), Path.of("/proc/cpuinfo"),
                Path.of("/sys/devices/system/cpu/cpu0/cache"));
    }

    /**
     * Reads the facts from the given files, so a test can inject another host's.
     *
     * @param cpuinfo  a {@code /proc/cpuinfo} (absent on non-Linux hosts: model and flags stay unknown)
     * @param cacheDir a {@code /sys/devices/system/cpu/cpu0/cache} folder ({@code index0}, {@code index1}, ...)
     */
    public static CpuFacts read(String arch, Path cpuinfo, Path cacheDir) {
        String model = "unknown";
        Set<String> flags = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (key.equals("model name") && model.equals("unknown")) {
                    model = value;
                } else if (key.equals("flags") && flags.isEmpty()) {
                    for (String f : value.split("\\s+")) {
                        if (!f.isEmpty()) {
                            flags.add(f.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: model and flags unknown
        }
        StringBuilder summary = new StringBuilder();
        boolean reported = false;
        if (!Files.isDirectory(cacheDir)) {
            summary.append(cacheDir).append(" does not exist");
        } else {
            try (Stream<Path> levels = Files.list(cacheDir)) {
                List<Path> sorted = levels.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList();
                for (Path level : sorted) {
                    long bytes = sizeBytes(level.resolve("size"));
                    if (summary.length() > 0) {
                        summary.append(", ");
                    }
                    summary.append(levelName(level)).append(' ').append(bytes < 0 ? "?" : (bytes / 1024) + "K");
                    reported |= bytes > 0;
                }
                if (sorted.isEmpty()) {
                    summary.append(cacheDir).append(" lists no cache levels");
                }
            } catch (IOException | RuntimeException e) {
                summary.append(cacheDir).append(" is not readable");
            }
        }
        return new CpuFacts(arch, model, flags, reported, summary.toString());
    }

    /** Whether this is a 64-bit x86 CPU. */
    public boolean x86_64() {
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /** Whether the CPU has AVX2, the lowest instruction set at which oneDNN's brgemm convolutions run. */
    public boolean avx2() {
        return flags.contains("avx2");
    }

    /** One line: model, architecture and what the caches report. */
    public String describe() {
        return modelName + " (" + arch + (avx2() ? ", AVX2" : "") + (flags.contains("avx512f") ? ", AVX-512" : "")
                + "; caches: " + cacheSummary + ")";
    }

    private static String levelName(Path level) {
        String lvl = readTrimmed(level.resolve("level"));
        String type = readTrimmed(level.resolve("type"));
        String suffix = switch (type) {
            case "Data" -> "d";
            case "Instruction" -> "i";
            default -> "";
        };
        return lvl.isEmpty() ? level.getFileName().toString() : "L" + lvl + suffix;
    }

    /** A sysfs size ("48K", "1024K", "32M", "0"), in bytes; -1 if missing or unreadable. */
    static long sizeBytes(Path file) {
        String s = readTrimmed(file).toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return -1;
        }
        long unit = 1;
        char last = s.charAt(s.length() - 1);
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? 1024L : last == 'M' ? 1024L * 1024 : 1024L * 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        try {
            return Long.parseLong(s.trim()) * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String readTrimmed(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
