package org.convene.newsletter.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An edition's sending as staff see and steer it: figures, pause, resume and cancel. */
@Service
public class EditionSending {

    /** Where a send stands; {@code ratePerSecond} over the last ten seconds, {@code secondsLeft} null when unknown. */
    public record Figures(long editionId, int year, int number, TranslatedText subject, String status, long total, long sent,
                          long failed, long skipped, long remaining, long resentAfterCrash, double ratePerSecond, Long secondsLeft,
                          Instant startedAt, Instant finishedAt) {

        public int percent() {
            return total == 0 ? ("SENT".equals(status) ? 100 : 0) : (int) ((sent + failed + skipped) * 100 / total);
        }

        public long done() {
            return sent + failed + skipped;
        }
    }

    /** Pause, resume or cancel asked of an edition in a status that does not allow it. */
    public static class NotAllowedException extends RuntimeException {
        public NotAllowedException(String message) {
            super(message);
        }
    }

    static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    private final JdbcClient jdbc;

    EditionSending(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Figures> figures(long editionId) {
        record Head(int year, int number, TranslatedText subject, String status, Instant startedAt, Instant finishedAt) {
        }
        Optional<Head> head = jdbc.sql("SELECT year, number, subject::text, status, started_at, finished_at FROM edition WHERE id = :id")
                .param("id", editionId)
                .query((rs, n) -> new Head(rs.getInt(1), rs.getInt(2), TranslatedTextJdbcConversions.fromJson(rs.getString(3)),
                        rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)))).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        return Optional.of(jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE status = 'SENT'), count(*) FILTER (WHERE status = 'FAILED'),
                               count(*) FILTER (WHERE status = 'SKIPPED'), count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),
                               coalesce(sum(resent_after_crash), 0),
                               count(*) FILTER (WHERE status = 'SENT' AND sent_at > now() - make_interval(secs => :window)),
                               extract(epoch FROM now() - greatest(min(sent_at) FILTER (WHERE status = 'SENT'), now() - make_interval(secs => :window)))
                        FROM edition_delivery WHERE edition_id = :id""")
                .param("id", editionId).param("window", RATE_WINDOW.toSeconds())
                .query((rs, n) -> {
                    long remaining = rs.getLong(5);
                    double seconds = rs.getDouble(8);
                    double rate = seconds > 0.5 && "SENDING".equals(h.status()) ? rs.getLong(7) / seconds : 0;
                    boolean moving = "SENDING".equals(h.status()) && rate > 0;
                    Long left = remaining == 0 ? Long.valueOf(0) : moving ? Long.valueOf((long) Math.ceil(remaining / rate)) : null;
                    return new Figures(editionId, h.year(), h.number(), h.subject(), h.status(), rs.getLong(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), remaining, rs.getLong(6), Math.round(rate * 10) / 10.0, left,
                            h.startedAt(), h.finishedAt());
                }).single());
    }

    /** SENDING to PAUSED: the nodes stop claiming within a second and give back what they claimed but did not send. */
    @Transactional
    public void pause(long editionId) {
        change(editionId, "SENDING", "PAUSED");
    }

    @Transactional
    public void resume(long editionId) {
        change(editionId, "PAUSED", "SENDING");
    }

    /** Cancels a scheduled, sending or paused edition: every recipient not yet mailed is SKIPPED. */
    @Transactional
    public void cancel(long editionId) {
        int changed = jdbc.sql("""
                        UPDATE edition SET status = 'CANCELLED', finished_at = now(), updated_at = now()
                        WHERE id = :id AND status IN ('SCHEDULED', 'SENDING', 'PAUSED')""")
                .param("id", editionId).update();
        if (changed == 0) {
            throw new NotAllowedException("Only a scheduled, sending or paused edition can be cancelled.");
        }
        jdbc.sql("UPDATE edition_delivery SET status = 'SKIPPED', last_error = 'cancelled' WHERE edition_id = :id AND status = 'PENDING'")
                .param("id", editionId).update();
    }

    private void change(long editionId, String from, String to) {
        int changed = jdbc.sql("UPDATE edition SET status = :to, updated_at = now() WHERE id = :id AND status = :from")
                .param("to", to).param("id", editionId).param("from", from).update();
        if (changed == 0) {
            throw new NotAllowedException("The edition is not " + from + ".");
        }
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
