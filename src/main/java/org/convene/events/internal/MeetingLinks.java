package org.convene.events.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.convene.accounts.AuditLog;
import org.convene.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting rooms of online and hybrid events. Each change is checked against the event's other
 * rooms under a lock on the event row, so two staff members saving at once cannot store
 * overlapping windows.
 */
@Service
public class MeetingLinks {

    public static final int MAX_PER_EVENT = 20;
    /** How far around the event a window may reach (beside the configured opening before the start). */
    static final Duration EARLIEST_BEFORE_START = Duration.ofHours(24);
    static final Duration LATEST_AFTER_END = Duration.ofHours(12);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final JdbcClient jdbc;
    private final Events events;
    private final Refusals refusals;
    private final OnlineProperties properties;
    private final AuditLog audit;

    MeetingLinks(JdbcClient jdbc, Events events, Refusals refusals, OnlineProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.refusals = refusals;
        this.properties = properties;
        this.audit = audit;
    }

    /** The event's meeting links, earliest window first. */
    public List<MeetingLink> of(Event event) {
        return jdbc.sql("SELECT id, url, valid_from, valid_until FROM event_meeting_link WHERE event_id = :event")
                .param("event", event.id())
                .query((rs, n) -> link(event, rs.getLong("id"), rs.getString("url"), instant(rs.getTimestamp("valid_from")),
                        instant(rs.getTimestamp("valid_until"))))
                .list().stream().sorted(Comparator.comparing(MeetingLink::opensAt)).toList();
    }

    /** The link open now, if any. */
    public Optional<MeetingLink> openNow(Event event, Instant now) {
        return of(event).stream().filter(l -> l.isOpen(now)).findFirst();
    }

    /** When the next window opens after now, if one does. */
    public Optional<Instant> nextOpening(Event event, Instant now) {
        return of(event).stream().map(MeetingLink::opensAt).filter(now::isBefore).findFirst();
    }

    /** When a link without a window of its own opens. */
    public Instant defaultOpening(Event event) {
        return event.startsAt().minus(properties.joinOpensBefore());
    }

    /** Replaces all meeting links of the event (the API's PUT); problems name the field as {@code links[i].url}. */
    @Transactional
    public List<MeetingLink> replace(long eventId, List<MeetingLink.Draft> drafts) {
        Event event = lock(eventId);
        Refusals.Collector problems = refusals.collect();
        if (drafts.size() > MAX_PER_EVENT) {
            problems.add("links", "meetingLink.tooMany");
        }
        List<MeetingLink> accepted = new ArrayList<>();
        for (int i = 0; i < drafts.size() && i < MAX_PER_EVENT; i++) {
            MeetingLink.Draft draft = drafts.get(i);
            if (draft == null) {
                problems.add("links[" + i + "]", "NotNull");
                continue;
            }
            MeetingLink checked = check(event, draft, accepted, "links[" + i + "].", problems);
            if (checked != null) {
                accepted.add(checked);
            }
        }
        problems.throwIfAny();
        jdbc.sql("DELETE FROM event_meeting_link WHERE event_id = :event").param("event", eventId).update();
        drafts.forEach(d -> insert(eventId, d));
        audit.record("event.meetingLinks", "event", eventId, drafts.size() + " links");
        return of(event);
    }

    /** Adds one meeting link (the staff page); problems name the fields {@code url}, {@code validFrom}, {@code validUntil}. */
    @Transactional
    public MeetingLink add(long eventId, MeetingLink.Draft draft) {
        Event event = lock(eventId);
        List<MeetingLink> existing = of(event);
        Refusals.Collector problems = refusals.collect();
        if (existing.size() >= MAX_PER_EVENT) {
            problems.add("url", "meetingLink.tooMany").throwIfAny();
        }
        check(event, draft, existing, "", problems);
        problems.throwIfAny();
        long id = insert(eventId, draft);
        audit.record("event.meetingLinks", "event", eventId, "added link " + id);
        return of(event).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(long eventId, long linkId) {
        lock(eventId);
        int removed = jdbc.sql("DELETE FROM event_meeting_link WHERE event_id = :event AND id = :id")
                .param("event", eventId).param("id", linkId).update();
        if (removed > 0) {
            audit.record("event.meetingLinks", "event", eventId, "removed link " + linkId);
        }
    }

    /** The link as it would be stored, or null when it has problems (added to the collector). */
    private MeetingLink check(Event event, MeetingLink.Draft draft, List<MeetingLink> others, String prefix, Refusals.Collector problems) {
        String url = draft.url() == null ? "" : draft.url().strip();
        String urlProblem = urlProblem(url);
        if (urlProblem != null) {
            problems.add(prefix + "url", urlProblem);
        }
        MeetingLink link = link(event, 0, url, draft.validFrom(), draft.validUntil());
        Instant earliest = event.startsAt().minus(max(EARLIEST_BEFORE_START, properties.joinOpensBefore()));
        Instant latest = event.endsAt().plus(LATEST_AFTER_END);
        boolean windowOk = true;
        if (link.opensAt().isBefore(earliest)) {
            problems.add(prefix + "validFrom", "meetingLink.window.tooEarly");
            windowOk = false;
        }
        if (link.closesAt().isAfter(latest)) {
            problems.add(prefix + "validUntil", "meetingLink.window.tooLate");
            windowOk = false;
        }
        if (!link.closesAt().isAfter(link.opensAt())) {
            problems.add(prefix + "validUntil", "meetingLink.window.untilBeforeFrom");
            windowOk = false;
        }
        if (windowOk && others.stream().anyMatch(o -> link.opensAt().isBefore(o.closesAt()) && o.opensAt().isBefore(link.closesAt()))) {
            problems.add(prefix + "validFrom", "meetingLink.window.overlaps");
            windowOk = false;
        }
        return urlProblem == null && windowOk ? link : null;
    }

    /** An absolute https URL with a host (http only for a meeting server on this machine), or the message code saying why not. */
    static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "meetingLink.url.required";
        }
        if (url.length() > 2000 || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return "meetingLink.url.invalid";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "meetingLink.url.invalid";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host.isEmpty() || uri.getRawUserInfo() != null) {
            return "meetingLink.url.invalid";
        }
        if (scheme.equals("https") || scheme.equals("http") && LOCAL_HOSTS.contains(host)) {
            return null;
        }
        return "meetingLink.url.https";
    }

    private long insert(long eventId, MeetingLink.Draft draft) {
        return jdbc.sql("""
                        INSERT INTO event_meeting_link (event_id, url, valid_from, valid_until)
                        VALUES (:event, :url, :from, :until) RETURNING id""")
                .param("event", eventId).param("url", draft.url().strip())
                .param("from", draft.validFrom() == null ? null : Timestamp.from(draft.validFrom()))
                .param("until", draft.validUntil() == null ? null : Timestamp.from(draft.validUntil()))
                .query(Long.class).single();
    }

    private Event lock(long eventId) {
        jdbc.sql("SELECT id FROM event WHERE id = :id FOR UPDATE").param("id", eventId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("No such event"));
        return events.find(eventId).orElseThrow();
    }

    private MeetingLink link(Event event, long id, String url, Instant from, Instant until) {
        return new MeetingLink(id, url, from, until, from == null ? defaultOpening(event) : from, until == null ? event.endsAt() : until);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
