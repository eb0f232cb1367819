package org.convene.publishing.resources;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts downloads and click-throughs without knowing who: no address, no cookie, only a number per
 * resource. A download only adds to a counter in memory; every two seconds the counts are written
 * in one short UPDATE per resource, so a crowd downloading the same toolkit never queues on that
 * resource's row lock. Counts of the last two seconds are lost if the process dies; on a normal
 * shutdown they are written first.
 */
@Component
class DownloadCounter {

    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    DownloadCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void count(long resourceId) {
        pending.computeIfAbsent(resourceId, id -> new LongAdder()).increment();
    }

    /** Counted but not yet written, so staff see a download at once. */
    long pending(long resourceId) {
        LongAdder adder = pending.get(resourceId);
        return adder == null ? 0 : adder.sum();
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    @PreDestroy
    synchronized void flush() {
        for (Map.Entry<Long, LongAdder> entry : pending.entrySet()) {
            long count = entry.getValue().sumThenReset();
            if (count > 0) {
                jdbc.sql("UPDATE resource SET downloads = downloads + :n WHERE id = :id")
                        .param("n", count).param("id", entry.getKey()).update();
            }
        }
        pending.entrySet().removeIf(e -> e.getValue().sum() == 0);
    }
}
