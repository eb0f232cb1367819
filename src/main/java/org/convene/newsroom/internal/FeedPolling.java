package org.convene.newsroom.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls partner feeds. A feed is claimed before it is fetched (a short lease taken with
 * {@code FOR UPDATE SKIP LOCKED}), so that with several nodes each feed is polled by one of them;
 * the fetch itself runs outside any transaction. After a success the next poll is one interval
 * away (the outlet's or the default, never less than the minimum); after failures the wait doubles
 * up to a maximum, and a Retry-After is honoured.
 */
@Service
public class FeedPolling {

    private static final Logger log = LoggerFactory.getLogger(FeedPolling.class);

    /** How a poll went; {@code added} new items on success. */
    public record Outcome(Kind kind, int added, String errorCode, String error) {
        public enum Kind { OK, NOT_MODIFIED, FAILED, TOO_SOON, BUSY }
    }

    private record Claimed(long id, String feedUrl, String etag, String lastModified, String language,
                           Integer intervalMinutes, int failures) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FeedFetcher fetcher;
    private final Items items;
    private final NewsroomProperties properties;

    FeedPolling(JdbcClient jdbc, TransactionTemplate transactions, FeedFetcher fetcher, Items items, NewsroomProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fetcher = fetcher;
        this.items = items;
        this.properties = properties;
    }

    /** Polls every due feed (the recurring job); returns how many were polled. */
    public int pollDue() {
        int polled = 0;
        for (Optional<Claimed> next = claimDue(); next.isPresent() && polled < 200; next = claimDue()) {
            poll(next.get());
            polled++;
        }
        return polled;
    }

    /** Staff's "poll now": at most once per {@code poll-now-interval} per outlet, and not while another poll runs. */
    public Outcome pollNow(long outletId) {
        Instant now = Instant.now();
        Optional<Claimed> claimed = transactions.execute(tx -> {
            Boolean free = jdbc.sql("""
                            select (claimed_until is null or claimed_until < now())
                              and (poll_requested_at is null or poll_requested_at <= ?)
                            from newsroom_outlets where id = ? for update""")
                    .params(Timestamp.from(now.minus(properties.pollNowInterval())), outletId)
                    .query(Boolean.class).optional().orElse(null);
            if (free == null || !free) {
                return Optional.<Claimed>empty();
            }
            jdbc.sql("update newsroom_outlets set poll_requested_at = now() where id = ?").param(outletId).update();
            return Optional.of(claim(outletId));
        });
        if (claimed.isEmpty()) {
            return new Outcome(Outcome.Kind.TOO_SOON, 0, null, null);
        }
        return poll(claimed.get());
    }

    private Optional<Claimed> claimDue() {
        return transactions.execute(tx -> jdbc.sql("""
                        select id from newsroom_outlets
                        where active and next_poll_at <= now() and (claimed_until is null or claimed_until < now())
                        order by next_poll_at limit 1 for update skip locked""")
                .query(Long.class).optional().map(this::claim));
    }

    /** Takes the lease on a row already locked by the caller's transaction. */
    private Claimed claim(long id) {
        Duration lease = properties.totalTimeout().plusMinutes(1);
        return jdbc.sql("""
                        update newsroom_outlets set claimed_until = now() + ? * interval '1 millisecond' where id = ?
                        returning id, feed_url, etag, last_modified, languages[1] as language, poll_interval_minutes, consecutive_failures""")
                .params(lease.toMillis(), id)
                .query((rs, row) -> new Claimed(rs.getLong("id"), rs.getString("feed_url"), rs.getString("etag"),
                        rs.getString("last_modified"), rs.getString("language"), (Integer) rs.getObject("poll_interval_minutes"),
                        rs.getInt("consecutive_failures")))
                .single();
    }

    private Outcome poll(Claimed outlet) {
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(outlet.feedUrl(), outlet.etag(), outlet.lastModified());
            if (fetched.notModified()) {
                succeeded(outlet, Outlet.Status.NOT_MODIFIED, outlet.etag(), outlet.lastModified(), List.of());
                return new Outcome(Outcome.Kind.NOT_MODIFIED, 0, null, null);
            }
            List<FeedReader.Entry> entries = FeedReader.read(fetched.body(), outlet.language());
            int added = succeeded(outlet, Outlet.Status.OK, fetched.etag(), fetched.lastModified(), entries);
            return new Outcome(Outcome.Kind.OK, added, null, null);
        } catch (RefusedFeedException refused) {
            return failed(outlet, refused.code(), refused.getMessage(), null);
        } catch (FeedFetcher.FetchFailedException failure) {
            return failed(outlet, failure.code(), failure.getMessage(), failure.retryAfter());
        } catch (IOException | RuntimeException unexpected) {
            log.warn("Polling feed of outlet {} failed", outlet.id(), unexpected);
            return failed(outlet, "network", unexpected.getClass().getSimpleName(), null);
        }
    }

    private int succeeded(Claimed outlet, Outlet.Status status, String etag, String lastModified, List<FeedReader.Entry> entries) {
        Duration interval = interval(outlet);
        Integer added = transactions.execute(tx -> {
            int stored = items.store(outlet.id(), entries);
            jdbc.sql("""
                            update newsroom_outlets set status = ?, etag = ?, last_modified = ?, last_polled_at = now(),
                              last_success_at = now(), failing_since = null, last_error_code = null, last_error = null,
                              consecutive_failures = 0, claimed_until = null, next_poll_at = now() + ? * interval '1 second'
                            where id = ?""")
                    .params(status.name(), etag, lastModified, interval.toSeconds(), outlet.id()).update();
            return stored;
        });
        return added == null ? 0 : added;
    }

    private Outcome failed(Claimed outlet, String code, String detail, Duration retryAfter) {
        Duration wait = backoff(interval(outlet), outlet.failures() + 1, properties.maxBackoff());
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : retryAfter;
        }
        String shortDetail = detail == null ? null : detail.length() > 300 ? detail.substring(0, 300) : detail;
        jdbc.sql("""
                        update newsroom_outlets set status = 'FAILING', last_polled_at = now(), failing_since = coalesce(failing_since, now()),
                          last_error_code = ?, last_error = ?, consecutive_failures = consecutive_failures + 1, claimed_until = null,
                          next_poll_at = now() + ? * interval '1 second'
                        where id = ?""")
                .params(code, shortDetail, wait.toSeconds(), outlet.id()).update();
        return new Outcome(Outcome.Kind.FAILED, 0, code, shortDetail);
    }

    private Duration interval(Claimed outlet) {
        Duration interval = outlet.intervalMinutes() == null ? properties.pollInterval() : Duration.ofMinutes(outlet.intervalMinutes());
        return interval.compareTo(properties.minimumInterval()) < 0 ? properties.minimumInterval() : interval;
    }

    /** The interval doubled for each failure in a row, at most {@code max}. */
    static Duration backoff(Duration interval, int failures, Duration max) {
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
