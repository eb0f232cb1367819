package org.convene.platform.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * So many requests a minute per client address (Bucket4j token buckets). The buckets live in this
 * node's memory, at most {@value #MAX_CLIENTS} addresses (the least recently seen are forgotten),
 * so a limit holds per node.
 */
public final class ClientAllowance {

    private static final int MAX_CLIENTS = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public ClientAllowance(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one request from the client's allowance; false when it is used up for now. */
    public boolean tryTake(String clientAddress) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(String.valueOf(clientAddress), k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
                    .build());
        }
        return bucket.tryConsume(1);
    }
}
