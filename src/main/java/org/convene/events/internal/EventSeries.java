package org.convene.events.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recurring meetings, such as a committee's monthly online meeting on the first Tuesday. The first
 * event is the template; each later occurrence is a whole event of its own (its own registrations,
 * waitlist and attendance), copied from the template at the same local time in its time zone and
 * created {@value #HORIZON_DAYS} days ahead, by a daily job that also catches up after downtime.
 * Editing one occurrence changes only that one.
 */
@Service
public class EventSeries {

    /** How far ahead occurrences exist, so that people can register for the next ones. */
    static final int HORIZON_DAYS = 120;
    private static final int MAX_OCCURRENCES = 520;

    public record Series(long id, long templateEventId, SeriesRule rule, LocalDate until) {
    }

    private final JdbcClient jdbc;
    private final Events events;
    private final TransactionTemplate transaction;

    EventSeries(JdbcClient jdbc, Events events, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
    }

    /** Makes the event the first of a series and creates the occurrences of the coming months. */
    public Series start(long eventId, SeriesRule rule, LocalDate until) {
        Series series = transaction.execute(status -> {
            Event first = events.find(eventId).orElseThrow();
            if (first.seriesId() != null) {
                return find(first.seriesId()).orElseThrow();
            }
            long id = jdbc.sql("INSERT INTO event_series (template_event_id, rule, until_date) VALUES (:event, :rule, :until) RETURNING id")
                    .param("event", eventId).param("rule", rule.name()).param("until", until).query(Long.class).single();
            jdbc.sql("UPDATE event SET series_id = :series WHERE id = :event").param("series", id).param("event", eventId).update();
            return new Series(id, eventId, rule, until);
        });
        extend(series, Instant.now());
        return series;
    }

    public Optional<Series> find(long seriesId) {
        return jdbc.sql("SELECT id, template_event_id, rule, until_date FROM event_series WHERE id = :id").param("id", seriesId)
                .query((rs, n) -> new Series(rs.getLong(1), rs.getLong(2), SeriesRule.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }

    /** The series' occurrences, soonest first. */
    public List<Event> occurrences(long seriesId) {
        return jdbc.sql("SELECT " + Events.COLUMNS + " FROM event WHERE series_id = :id ORDER BY starts_at").param("id", seriesId)
                .query(Events::map).list();
    }

    /** Creates the missing occurrences of every series up to the horizon. */
    public int extendAll() {
        List<Long> ids = jdbc.sql("SELECT id FROM event_series ORDER BY id").query(Long.class).list();
        int created = 0;
        for (long id : ids) {
            created += find(id).map(s -> extend(s, Instant.now())).orElse(0);
        }
        return created;
    }

    /**
     * Creates the occurrences of one series that start before now + the horizon and do not exist
     * yet. A transaction-scoped advisory lock on the series keeps two nodes from doing it at once;
     * the unique (series_id, starts_at) index would refuse a duplicate anyway.
     */
    int extend(Series series, Instant now) {
        Integer created = transaction.execute(status -> {
            boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('event_series'), CAST(:id AS int))")
                    .param("id", series.id()).query(Boolean.class).single();
            if (!locked) {
                return 0;
            }
            Event template = events.find(series.templateEventId()).orElseThrow();
            if (template.isCancelled()) {
                return 0;
            }
            ZonedDateTime first = template.startsAt().atZone(template.zone());
            Instant horizon = now.plus(Duration.ofDays(HORIZON_DAYS));
            int count = 0;
            for (int n = 1; n < MAX_OCCURRENCES; n++) {
                LocalDate date = series.rule().occurrence(first.toLocalDate(), n);
                if (date == null) {
                    continue;
                }
                if (series.until() != null && date.isAfter(series.until())) {
                    break;
                }
                Instant start = ZonedDateTime.of(date, first.toLocalTime(), template.zone()).toInstant();
                if (start.isAfter(horizon)) {
                    break;
                }
                if (start.isBefore(now) || exists(series.id(), start)) {
                    continue;
                }
                Duration shift = Duration.between(template.startsAt(), start);
                Event occurrence = events.create(shifted(template, shift));
                jdbc.sql("UPDATE event SET series_id = :series, cover_image = :cover WHERE id = :id")
                        .param("series", series.id()).param("cover", template.coverImage()).param("id", occurrence.id()).update();
                count++;
            }
            return count;
        });
        return created == null ? 0 : created;
    }

    private boolean exists(long seriesId, Instant start) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event WHERE series_id = :series AND starts_at = :start)")
                .param("series", seriesId).param("start", java.sql.Timestamp.from(start)).query(Boolean.class).single();
    }

    private static EventDraft shifted(Event t, Duration shift) {
        return new EventDraft(t.title(), t.description(), t.organizationId(), t.format(), t.startsAt().plus(shift),
                t.endsAt().plus(shift), t.zone().getId(), t.venueName(), t.venueAddress(), t.venueDirections(), t.accessibility(),
                t.capacity(), plus(t.registrationOpensAt(), shift), plus(t.registrationClosesAt(), shift), t.status(),
                t.coOrganizerIds(), plus(t.doorsOpenAt(), shift), t.practicalNotes(), t.onlineCapacity(), t.registrationRequired(),
                t.questions(), t.cancellationMessage(), t.bodyId(), t.visibility());
    }

    private static Instant plus(Instant instant, Duration shift) {
        return instant == null ? null : instant.plus(shift);
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {
        @Bean
        RecurringTask<Void> eventSeriesJob(EventSeries series) {
            return Tasks.recurring("event-series", FixedDelay.ofHours(6)).execute((instance, context) -> series.extendAll());
        }
    }
}
