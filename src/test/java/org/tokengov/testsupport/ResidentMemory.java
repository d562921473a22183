package org.tokengov.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark's JVM holds once its load has run: the resident set as Linux counts it (now and at its peak) and
 * the heap the JVM still uses after a full collection. The JVM is one node plus the REDCap simulator it serves over
 * HTTP (and, in some benchmarks, the test's own bookkeeping), so the figures are an upper bound for a node.
 */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** One line for the benchmark's printout; "not available" where /proc is missing (not Linux). */
    public static String summary() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        return String.format("memory: resident %s (peak %s); heap used after a full GC %d MB of %d MB committed "
                        + "(max %d MB); non-heap %d MB",
                procStatus("VmRSS"), procStatus("VmHWM"), megabytes(heap.getUsed()), megabytes(heap.getCommitted()),
                megabytes(heap.getMax()), megabytes(nonHeap.getUsed()));
    }

    private static String procStatus(String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            return lines.stream().filter(line -> line.startsWith(field + ":"))
                    .map(line -> megabytes(Long.parseLong(line.replaceAll("\\D", "")) * 1024) + " MB")
                    .findFirst().orElse("not available");
        } catch (IOException | RuntimeException e) {
            return "not available";
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
