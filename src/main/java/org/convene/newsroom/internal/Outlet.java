package org.convene.newsroom.internal;

import java.time.Instant;
import java.util.List;

/** A partner media outlet and the health of its feed. */
public record Outlet(long id, String name, String country, List<String> languages, String website, String feedUrl,
                     boolean active, Integer pollIntervalMinutes, Instant nextPollAt, Health health) {

    /** NEVER (not polled yet), OK, NOT_MODIFIED (the last poll answered 304) or FAILING. */
    public enum Status { NEVER, OK, NOT_MODIFIED, FAILING }

    public record Health(Status status, Instant lastPolledAt, Instant lastSuccessAt, Instant failingSince,
                         String lastErrorCode, String lastError, int consecutiveFailures) {
    }

    /** What staff enter; {@code pollIntervalMinutes} null means the network's default. */
    public record Draft(String name, String country, List<String> languages, String website, String feedUrl,
                        boolean active, Integer pollIntervalMinutes) {
    }
}
