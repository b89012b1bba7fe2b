package io.httpd.core.admin;

import com.sun.management.UnixOperatingSystemMXBean;
import jdk.management.VirtualThreadSchedulerMXBean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;

/**
 * The JVM's and the process's basics from the platform MXBeans: non-heap memory, threads
 * (platform, and the virtual thread scheduler's mounted and queued counts: the JDK keeps no
 * cheap total of virtual threads, which here are about one per open connection), collections
 * and their time per collector, CPU time and the file-descriptor limit. Read only when
 * {@code /metrics} is asked for; a value the JVM does not know ({@code -1}) is left out.
 */
final class JvmMetrics {
    private JvmMetrics() {
    }

    static void write(MetricsText m) {
        m.one("jvm_memory_nonheap_used_bytes", "gauge",
                "Non-heap memory in use: metaspace, code cache.",
                ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed());
        m.one("jvm_threads_platform", "gauge",
                "Live platform threads, the virtual threads' carriers included.",
                ManagementFactory.getThreadMXBean().getThreadCount());
        VirtualThreadSchedulerMXBean virtual =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        known(m, "jvm_threads_virtual_mounted", "gauge",
                "Virtual threads running on a carrier thread now (an estimate).",
                virtual.getMountedVirtualThreadCount());
        known(m, "jvm_threads_virtual_queued", "gauge",
                "Virtual threads ready to run and waiting for a carrier thread (an estimate).",
                virtual.getQueuedVirtualThreadCount());
        collectors(m, ManagementFactory.getGarbageCollectorMXBeans());
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            known(m, "process_max_fds", "gauge", "The open file descriptor limit.",
                    unix.getMaxFileDescriptorCount());
            long cpuNanos = unix.getProcessCpuTime();
            if (cpuNanos >= 0) {
                m.family("process_cpu_seconds_total", "counter", "CPU time used, user and system.");
                m.sample("process_cpu_seconds_total", cpuNanos / 1e9);
            }
        }
    }

    private static void collectors(MetricsText m, List<GarbageCollectorMXBean> collectors) {
        m.family("jvm_gc_collections_total", "counter", "Collections, by collector.");
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc.getCollectionCount() >= 0) {
                m.sample("jvm_gc_collections_total{gc=\"" + MetricsText.label(gc.getName()) + "\"}",
                        gc.getCollectionCount());
            }
        }
        m.family("jvm_gc_collection_seconds_total", "counter",
                "Time spent in collections (wall clock, as the collector reports it), "
                        + "by collector.");
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc.getCollectionTime() >= 0) {
                m.sample("jvm_gc_collection_seconds_total{gc=\"" + MetricsText.label(gc.getName())
                        + "\"}", gc.getCollectionTime() / 1000.0);
            }
        }
    }

    private static void known(MetricsText m, String name, String type, String help, long value) {
        if (value >= 0) {
            m.one(name, type, help, value);
        }
    }
}
