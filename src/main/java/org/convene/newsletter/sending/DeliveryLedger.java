package org.convene.newsletter.sending;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.convene.newsletter.internal.Segment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery ledger ({@code edition_delivery}) in SQL: fixing an edition's recipients when it
 * becomes due, claiming batches with {@code FOR UPDATE SKIP LOCKED}, recording each message's
 * outcome in a small transaction of its own, and recovering the claims of nodes that died.
 */
@Component
class DeliveryLedger {

    /** A claimed row with what sending it needs; {@code sendable} is false for subscribers who left or were suppressed since. */
    record Claimed(long subscriberId, int attempts, String email, String language, boolean sendable) {
    }

    /** The outcome of one message: SENT, RETRY (temporary failure) or FAILED (permanent; the address is suppressed). */
    enum Result { SENT, RETRY, FAILED }

    record Outcome(long subscriberId, String email, int attempts, Result result, String error) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DeliveryLedger(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Moves one due SCHEDULED edition to SENDING, fixing its recipients; empty when none is due. */
    Optional<Long> startDueEdition() {
        return Optional.ofNullable(transactions.execute(tx -> {
            record Due(long id, String segment) {
            }
            Due due = jdbc.sql("""
                            SELECT id, segment::text FROM edition WHERE status = 'SCHEDULED' AND scheduled_at <= now()
                            ORDER BY scheduled_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2))).optional().orElse(null);
            if (due == null) {
                return null;
            }
            Segment segment = JSON.readValue(due.segment(), Segment.class);
            jdbc.sql("INSERT INTO edition_delivery (edition_id, subscriber_id) SELECT :edition, s.id FROM subscriber s WHERE "
                            + segment.where() + " ON CONFLICT DO NOTHING")
                    .params(segment.params()).param("edition", due.id()).update();
            jdbc.sql("UPDATE edition SET status = 'SENDING', started_at = coalesce(started_at, now()), updated_at = now() WHERE id = :id")
                    .param("id", due.id()).update();
            return due.id();
        }));
    }

    /** Editions being sent, oldest first. */
    List<Long> sendingEditions() {
        return jdbc.sql("SELECT id FROM edition WHERE status = 'SENDING' ORDER BY started_at, id").query(Long.class).list();
    }

    String editionStatus(long editionId) {
        return jdbc.sql("SELECT status FROM edition WHERE id = :id").param("id", editionId).query(String.class).optional().orElse("CANCELLED");
    }

    /** Claims up to {@code batch} due rows of the edition for this node (committed before anything is sent). */
    List<Claimed> claim(long editionId, String node, int batch) {
        return transactions.execute(tx -> {
            durable();
            if (!"SENDING".equals(editionStatus(editionId))) {
                return List.of();
            }
            return jdbc.sql("""
                            WITH claimed AS (
                                UPDATE edition_delivery d SET status = 'SENDING', claimed_by = :node, claimed_at = now(), handed_at = NULL
                                WHERE d.edition_id = :edition AND d.subscriber_id IN (
                                    SELECT subscriber_id FROM edition_delivery
                                    WHERE edition_id = :edition AND status = 'PENDING' AND (next_attempt IS NULL OR next_attempt <= now())
                                    ORDER BY subscriber_id LIMIT :batch FOR UPDATE SKIP LOCKED)
                                RETURNING d.subscriber_id, d.attempts)
                            SELECT c.subscriber_id, c.attempts, s.email, s.language,
                                   s.status = 'SUBSCRIBED' AND NOT EXISTS (SELECT 1 FROM suppression x WHERE x.email = lower(s.email))
                            FROM claimed c JOIN subscriber s ON s.id = c.subscriber_id ORDER BY c.subscriber_id""")
                    .param("edition", editionId).param("node", node).param("batch", batch)
                    .query((rs, n) -> new Claimed(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                    .list();
        });
    }

    /**
     * Records the outcome of the previous message (if any) and marks the next one as handed to the
     * SMTP server (if any), in one commit: a single transaction per message.
     */
    void record(long editionId, Outcome previous, Long next, int maxAttempts, Duration retryDelay) {
        transactions.executeWithoutResult(tx -> {
            durable();
            if (previous != null && previous.result() == Result.SENT) {
                // the common case in one statement
                jdbc.sql("""
                                UPDATE edition_delivery SET
                                    status = CASE WHEN subscriber_id = :done THEN 'SENT' ELSE status END,
                                    sent_at = CASE WHEN subscriber_id = :done THEN now() ELSE sent_at END,
                                    attempts = CASE WHEN subscriber_id = :done THEN :attempts ELSE attempts END,
                                    last_error = CASE WHEN subscriber_id = :done THEN NULL ELSE last_error END,
                                    handed_at = CASE WHEN subscriber_id = :next THEN now() ELSE handed_at END
                                WHERE edition_id = :edition AND subscriber_id IN (:done, :next)""")
                        .param("done", previous.subscriberId()).param("next", next == null ? -1L : next)
                        .param("attempts", previous.attempts() + 1).param("edition", editionId).update();
                return;
            }
            if (previous != null) {
                recordOutcome(editionId, previous, maxAttempts, retryDelay);
            }
            if (next != null) {
                jdbc.sql("UPDATE edition_delivery SET handed_at = now() WHERE edition_id = :edition AND subscriber_id = :subscriber")
                        .param("edition", editionId).param("subscriber", next).update();
            }
        });
    }

    /**
     * The commit returns only once it is in the write-ahead log, whatever the server's default
     * (the embedded PostgreSQL runs with {@code synchronous_commit = off}, which loses the last
     * commits when PostgreSQL itself is killed): a message's SENT must not be lost after the 250.
     */
    private void durable() {
        jdbc.sql("SET LOCAL synchronous_commit TO on").update();
    }

    private void recordOutcome(long editionId, Outcome outcome, int maxAttempts, Duration retryDelay) {
        int attempts = outcome.attempts() + 1;
        switch (outcome.result()) {
            case SENT -> jdbc.sql("""
                            UPDATE edition_delivery SET status = 'SENT', sent_at = now(), attempts = :attempts, last_error = NULL
                            WHERE edition_id = :edition AND subscriber_id = :subscriber""")
                    .param("attempts", attempts).param("edition", editionId).param("subscriber", outcome.subscriberId()).update();
            case RETRY -> {
                boolean giveUp = attempts >= maxAttempts;
                jdbc.sql("""
                                UPDATE edition_delivery SET status = :status, attempts = :attempts, last_error = :error, handed_at = NULL,
                                       next_attempt = now() + make_interval(secs => :delay)
                                WHERE edition_id = :edition AND subscriber_id = :subscriber""")
                        .param("status", giveUp ? "FAILED" : "PENDING").param("attempts", attempts).param("error", outcome.error())
                        .param("delay", backoff(retryDelay, attempts).toMillis() / 1000.0)
                        .param("edition", editionId).param("subscriber", outcome.subscriberId()).update();
            }
            case FAILED -> {
                jdbc.sql("""
                                UPDATE edition_delivery SET status = 'FAILED', attempts = :attempts, last_error = :error
                                WHERE edition_id = :edition AND subscriber_id = :subscriber""")
                        .param("attempts", attempts).param("error", outcome.error())
                        .param("edition", editionId).param("subscriber", outcome.subscriberId()).update();
                jdbc.sql("""
                                INSERT INTO suppression (email, reason, detail) VALUES (lower(:email), 'HARD_BOUNCE', :detail)
                                ON CONFLICT (email) DO NOTHING""")
                        .param("email", outcome.email()).param("detail", outcome.error()).update();
            }
        }
    }

    /** The wait after the given number of failed attempts: the base delay, doubled after each further failure. */
    static Duration backoff(Duration base, int failedAttempts) {
        return base.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
    }

    /** Gives claimed rows that were never handed to the server back (PENDING) or skips them (SKIPPED, after a cancel). */
    int release(long editionId, List<Long> subscriberIds, String status) {
        if (subscriberIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE edition_delivery SET status = :status, claimed_by = NULL, handed_at = NULL
                        WHERE edition_id = :edition AND status = 'SENDING' AND handed_at IS NULL
                          AND subscriber_id = ANY (CAST(:ids AS bigint[]))""")
                .param("status", status).param("edition", editionId)
                .param("ids", "{" + String.join(",", subscriberIds.stream().map(String::valueOf).toList()) + "}").update();
    }

    void skip(long editionId, long subscriberId, String reason) {
        jdbc.sql("""
                        UPDATE edition_delivery SET status = 'SKIPPED', last_error = :reason
                        WHERE edition_id = :edition AND subscriber_id = :subscriber AND status = 'SENDING'""")
                .param("reason", reason).param("edition", editionId).param("subscriber", subscriberId).update();
    }

    void beat(String node) {
        jdbc.sql("""
                        INSERT INTO newsletter_sender (node) VALUES (:node)
                        ON CONFLICT (node) DO UPDATE SET heartbeat_at = now()""").param("node", node).update();
    }

    void leave(String node) {
        jdbc.sql("DELETE FROM newsletter_sender WHERE node = :node").param("node", node).update();
    }

    /**
     * Recovers the claims of nodes that stopped beating: rows never handed to the server go back to
     * PENDING; rows that were handed (the server may or may not have accepted them) are sent again,
     * with the same Message-ID, and counted in {@code resent_after_crash}. Returns the ambiguous rows.
     */
    int recoverDeadClaims(Duration lease) {
        return transactions.execute(tx -> {
            String dead = """
                    status = 'SENDING' AND claimed_by IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM newsletter_sender n WHERE n.node = edition_delivery.claimed_by
                          AND n.heartbeat_at > now() - make_interval(secs => :lease))""";
            int ambiguous = jdbc.sql("UPDATE edition_delivery SET status = 'PENDING', claimed_by = NULL, handed_at = NULL, "
                            + "resent_after_crash = resent_after_crash + 1 WHERE handed_at IS NOT NULL AND " + dead)
                    .param("lease", lease.toMillis() / 1000.0).update();
            jdbc.sql("UPDATE edition_delivery SET status = 'PENDING', claimed_by = NULL WHERE handed_at IS NULL AND " + dead)
                    .param("lease", lease.toMillis() / 1000.0).update();
            jdbc.sql("DELETE FROM newsletter_sender WHERE heartbeat_at <= now() - make_interval(secs => :lease)")
                    .param("lease", lease.toMillis() / 1000.0).update();
            return ambiguous;
        });
    }

    /** Marks editions SENT whose rows are all settled (SENT, FAILED or SKIPPED). */
    int finishCompleted() {
        return jdbc.sql("""
                        UPDATE edition e SET status = 'SENT', finished_at = now(), updated_at = now()
                        WHERE e.status = 'SENDING' AND NOT EXISTS (
                            SELECT 1 FROM edition_delivery d WHERE d.edition_id = e.id AND d.status IN ('PENDING', 'SENDING'))""")
                .update();
    }
}
