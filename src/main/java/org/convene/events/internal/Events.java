package org.convene.events.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convene.accounts.AuditLog;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and finds events. Every change is checked first, then written in one transaction. */
@Service
public class Events {

    static final String COLUMNS = """
            id, slug, title, description, organization_id, format, starts_at, ends_at, time_zone, venue_name,
            venue_address, venue_directions, accessibility, capacity, registration_opens_at, registration_closes_at, status,
            co_organizer_ids, doors_open_at, practical_notes, online_capacity, registration_required, questions::text AS questions,
            cover_image, cancellation_message, body_id, visibility, series_id""";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final EventSeats seats;
    private final AuditLog audit;
    private final Refusals refusals;
    private final MemberDirectory directory;
    private final RegistrationMails mails;
    private final EventSearch search;

    Events(JdbcClient jdbc, EventSeats seats, AuditLog audit, Refusals refusals, MemberDirectory directory, RegistrationMails mails,
           EventSearch search) {
        this.search = search;
        this.directory = directory;
        this.mails = mails;
        this.jdbc = jdbc;
        this.seats = seats;
        this.audit = audit;
        this.refusals = refusals;
    }

    @Transactional
    public Event create(EventDraft draft) {
        ZoneId zone = check(draft, null);
        long id = jdbc.sql("""
                        INSERT INTO event (slug, title, description, organization_id, format, starts_at, ends_at, time_zone,
                            venue_name, venue_address, venue_directions, accessibility, capacity,
                            registration_opens_at, registration_closes_at, status, co_organizer_ids, doors_open_at,
                            practical_notes, registration_required, questions, cancellation_message, body_id, visibility)
                        VALUES (:slug, :title, :description, :org, :format, :starts, :ends, :zone, :venueName, :venueAddress,
                            :directions, :accessibility, 0, :opens, :closes, :status, CAST(:coOrganizers AS bigint[]), :doors,
                            :notes, :required, :questions, :cancellationMessage, :body, :visibility)
                        RETURNING id""")
                .param("slug", slugFor(draft.title()))
                .params(values(draft, zone))
                .query(Long.class).single();
        seats.resize(id, draft.capacity());
        if (draft.onlineCapacity() != null) {
            seats.resizeOnline(id, draft.onlineCapacity());
        }
        audit.record("event.create", "event", id, draft.title().in(draft.title().fallback()));
        Event created = find(id).orElseThrow();
        search.changed(created);
        return created;
    }

    @Transactional
    public Event update(long id, EventDraft draft) {
        Event before = jdbc.sql("SELECT " + COLUMNS + " FROM event WHERE id = :id FOR UPDATE").param("id", id)
                .query(Events::map).optional().orElseThrow(() -> new org.convene.platform.web.NotFoundException("No such event"));
        ZoneId zone = check(draft, before);
        jdbc.sql("""
                        UPDATE event SET title = :title, description = :description, organization_id = :org, format = :format,
                            starts_at = :starts, ends_at = :ends, time_zone = :zone, venue_name = :venueName,
                            venue_address = :venueAddress, venue_directions = :directions, accessibility = :accessibility,
                            registration_opens_at = :opens, registration_closes_at = :closes, status = :status,
                            co_organizer_ids = CAST(:coOrganizers AS bigint[]), doors_open_at = :doors, practical_notes = :notes,
                            registration_required = :required, questions = :questions, cancellation_message = :cancellationMessage,
                            body_id = :body, visibility = :visibility, updated_at = now()
                        WHERE id = :id""")
                .param("id", id).params(values(draft, zone)).update();
        if (draft.capacity() != before.capacity() && !seats.resize(id, draft.capacity())) {
            refusals.collect().add("capacity", "event.capacity.belowConfirmed").throwIfAny();
        }
        if (!java.util.Objects.equals(draft.onlineCapacity(), before.onlineCapacity()) && !seats.resizeOnline(id, draft.onlineCapacity())) {
            refusals.collect().add("onlineCapacity", "event.capacity.belowConfirmed").throwIfAny();
        }
        audit.record("event.update", "event", id, before.status() == draft.status() ? null : "status " + draft.status());
        Event after = find(id).orElseThrow();
        if (after.isCancelled() && !before.isCancelled()) {
            mails.eventCancelled(after);
        }
        search.changed(after);
        return after;
    }

    /** Sets or (with null) removes the cover picture, a name given out by the media module's {@code Images}. */
    @Transactional
    public void setCoverImage(long id, String name) {
        jdbc.sql("UPDATE event SET cover_image = :name, updated_at = now() WHERE id = :id").param("name", name).param("id", id).update();
        audit.record("event.cover", "event", id, name == null ? "removed" : "set");
    }

    public Optional<Event> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event WHERE id = :id").param("id", id).query(Events::map).optional();
    }

    public Optional<Event> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event WHERE slug = :slug").param("slug", slug).query(Events::map).optional();
    }

    /** The events a staff member may edit: all of them for network admins (organizationId null), else their organization's. */
    public List<Event> editableBy(Long organizationId, boolean networkAdmin) {
        if (networkAdmin) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM event ORDER BY starts_at DESC LIMIT 500").query(Events::map).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM event WHERE organization_id = :org ORDER BY starts_at DESC LIMIT 500")
                .param("org", organizationId).query(Events::map).list();
    }

    /** Confirmed and waitlisted registrations per attendance type, for the organizer. */
    public record Counts(int confirmedInPerson, int confirmedOnline, int waitlisted) {
    }

    public Counts counts(long eventId) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status = 'CONFIRMED' AND attendance = 'IN_PERSON'),
                               count(*) FILTER (WHERE status = 'CONFIRMED' AND attendance = 'ONLINE'),
                               count(*) FILTER (WHERE status = 'WAITLISTED')
                        FROM registration WHERE event_id = :id""")
                .param("id", eventId).query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private ZoneId check(EventDraft draft, Event before) {
        Refusals.Collector problems = refusals.collect();
        if (draft.title() == null || draft.title().in(draft.title().fallback()).isBlank()) {
            problems.add("title", "event.title.required");
        }
        if (draft.format() == null) {
            problems.add("format", "NotNull");
        }
        if (draft.status() == null) {
            problems.add("status", "NotNull");
        }
        ZoneId zone = null;
        try {
            zone = draft.timeZone() == null || draft.timeZone().isBlank() ? null : ZoneId.of(draft.timeZone().strip());
        } catch (DateTimeException unknown) {
            zone = null;
        }
        if (zone == null) {
            problems.add("timeZone", "event.timeZone.unknown");
        }
        if (draft.startsAt() == null) {
            problems.add("startsAt", "NotNull");
        }
        if (draft.endsAt() == null) {
            problems.add("endsAt", "NotNull");
        }
        if (draft.startsAt() != null && draft.endsAt() != null && !draft.endsAt().isAfter(draft.startsAt())) {
            problems.add("endsAt", "event.end.beforeStart");
        }
        if (draft.registrationOpensAt() != null && draft.registrationClosesAt() != null
                && !draft.registrationClosesAt().isAfter(draft.registrationOpensAt())) {
            problems.add("registrationClosesAt", "event.window.closesBeforeOpening");
        }
        if (draft.capacity() < 0 || draft.capacity() > 100_000) {
            problems.add("capacity", "event.capacity.range");
        }
        if (draft.format() == EventFormat.ONLINE && draft.capacity() > 0) {
            problems.add("capacity", "event.capacity.online");
        }
        if (draft.format() != null && draft.format().hasVenue() && blank(draft.venueName())) {
            problems.add("venueName", "event.venue.required");
        }
        if (before != null && before.status() != EventStatus.DRAFT && draft.status() == EventStatus.DRAFT) {
            problems.add("status", "event.status.backToDraft");
        }
        if (draft.doorsOpenAt() != null && draft.startsAt() != null
                && (draft.doorsOpenAt().isAfter(draft.startsAt()) || draft.doorsOpenAt().isBefore(draft.startsAt().minus(java.time.Duration.ofDays(1))))) {
            problems.add("doorsOpenAt", "event.doors.range");
        }
        if (draft.onlineCapacity() != null && (draft.onlineCapacity() < 0 || draft.onlineCapacity() > 1_000_000)) {
            problems.add("onlineCapacity", "event.capacity.range");
        } else if (draft.onlineCapacity() != null && draft.format() == EventFormat.IN_PERSON) {
            problems.add("onlineCapacity", "event.onlineCapacity.inPerson");
        }
        if (draft.coOrganizerIds().size() > 50) {
            problems.add("coOrganizerIds", "event.coOrganizers.tooMany");
        } else if (draft.coOrganizerIds().stream().anyMatch(id -> id.equals(draft.organizationId()))) {
            problems.add("coOrganizerIds", "event.coOrganizers.organizer");
        } else if (draft.coOrganizerIds().stream().anyMatch(id -> directory.organization(id).isEmpty())) {
            problems.add("coOrganizerIds", "event.coOrganizers.unknown");
        }
        if (draft.bodyId() != null && directory.body(draft.bodyId()).isEmpty()) {
            problems.add("bodyId", "event.body.unknown");
        } else if (draft.visibility() == Visibility.BODY_STAFF && draft.bodyId() == null) {
            problems.add("bodyId", "event.body.requiredForVisibility");
        }
        if (length(draft.practicalNotes()) > 5000) {
            problems.add("practicalNotes", "event.text.tooLong");
        }
        if (length(draft.cancellationMessage()) > 5000) {
            problems.add("cancellationMessage", "event.text.tooLong");
        }
        checkQuestions(draft, problems);
        problems.throwIfAny();
        return zone;
    }

    private static void checkQuestions(EventDraft draft, Refusals.Collector problems) {
        if (draft.questions().size() > 20) {
            problems.add("questions", "event.questions.tooMany");
            return;
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < draft.questions().size(); i++) {
            Question q = draft.questions().get(i);
            String field = "questions[" + i + "]";
            if (q.key() == null || !q.key().matches("[a-z0-9][a-z0-9_-]{0,39}") || !keys.add(q.key())) {
                problems.add(field, "event.question.invalidKey");
            } else if (q.kind() == null) {
                problems.add(field, "event.question.invalidKind");
            } else if (q.label() == null || q.label().in(q.label().fallback()).isBlank() || q.label().in(q.label().fallback()).length() > 2000) {
                problems.add(field, "event.question.invalidLabel");
            } else if (q.kind() == Question.Kind.CHOICE && (q.choices().size() < 2 || q.choices().size() > 30
                    || q.choices().stream().anyMatch(c -> c.in(c.fallback()).isBlank()))) {
                problems.add(field, "event.question.invalidChoices");
            }
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.strip().length();
    }

    private static java.util.Map<String, Object> values(EventDraft draft, ZoneId zone) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("title", TranslatedTextJdbcConversions.jsonb(draft.title()));
        values.put("description", TranslatedTextJdbcConversions.jsonb(draft.description() == null ? TranslatedText.empty() : draft.description()));
        values.put("org", draft.organizationId());
        values.put("format", draft.format().name());
        values.put("starts", Timestamp.from(draft.startsAt()));
        values.put("ends", Timestamp.from(draft.endsAt()));
        values.put("zone", zone.getId());
        values.put("venueName", clean(draft.venueName()));
        values.put("venueAddress", clean(draft.venueAddress()));
        values.put("directions", clean(draft.venueDirections()));
        values.put("accessibility", clean(draft.accessibility()));
        values.put("opens", draft.registrationOpensAt() == null ? null : Timestamp.from(draft.registrationOpensAt()));
        values.put("closes", draft.registrationClosesAt() == null ? null : Timestamp.from(draft.registrationClosesAt()));
        values.put("status", draft.status().name());
        values.put("coOrganizers", draft.coOrganizerIds().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",", "{", "}")));
        values.put("doors", draft.doorsOpenAt() == null ? null : Timestamp.from(draft.doorsOpenAt()));
        values.put("notes", clean(draft.practicalNotes()));
        values.put("required", draft.registrationRequired());
        values.put("questions", Question.jsonb(Question.toJson(draft.questions())));
        values.put("cancellationMessage", clean(draft.cancellationMessage()));
        values.put("body", draft.bodyId());
        values.put("visibility", draft.visibility().name());
        return values;
    }

    /** A readable address from the title, with a random ending so that two events never share one. */
    static String slugFor(TranslatedText title) {
        String base = Normalizer.normalize(title.in(title.fallback()), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        String suffix = Long.toString(RANDOM.nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        return (base.isEmpty() ? "event" : base) + "-" + suffix;
    }

    static Event map(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getLong("id"), rs.getString("slug"),
                TranslatedTextJdbcConversions.fromJson(rs.getString("title")),
                TranslatedTextJdbcConversions.fromJson(rs.getString("description")),
                (Long) rs.getObject("organization_id"), EventFormat.valueOf(rs.getString("format")),
                instant(rs, "starts_at"), instant(rs, "ends_at"), ZoneId.of(rs.getString("time_zone")),
                rs.getString("venue_name"), rs.getString("venue_address"), rs.getString("venue_directions"),
                rs.getString("accessibility"), rs.getInt("capacity"), instant(rs, "registration_opens_at"),
                instant(rs, "registration_closes_at"), EventStatus.valueOf(rs.getString("status")),
                longs(rs.getArray("co_organizer_ids")), instant(rs, "doors_open_at"), rs.getString("practical_notes"),
                (Integer) rs.getObject("online_capacity"), rs.getBoolean("registration_required"),
                Question.fromJson(rs.getString("questions")), rs.getString("cover_image"), rs.getString("cancellation_message"),
                (Long) rs.getObject("body_id"), Visibility.valueOf(rs.getString("visibility")), (Long) rs.getObject("series_id"));
    }

    private static List<Long> longs(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((Long[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clean(String s) {
        return blank(s) ? null : s.strip();
    }

    // ---- lists and feeds as one reader may see them (see Readership)

    /**
     * What a list of events asks for: upcoming (soonest first) or past (latest first) published
     * events. Each filter given narrows the list: {@code regionOrganizationIds} (the organizations
     * of a region) and {@code organizationId} keep the events that such an organization organizes
     * or co-organizes, {@code format} one format, {@code month} those starting in that month of the
     * event's own time zone (the month its page shows).
     */
    public record Listing(boolean past, java.util.Set<Long> regionOrganizationIds, Long organizationId, EventFormat format,
                          java.time.YearMonth month, Readership readership, int offset, int limit) {
    }

    public List<Event> list(Listing listing) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM event WHERE status = 'PUBLISHED'")
                .append(listing.past() ? " AND ends_at <= now()" : " AND ends_at > now()");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        readableBy(listing.readership(), sql, params);
        if (listing.regionOrganizationIds() != null) {
            sql.append(" AND (organization_id = ANY (CAST(:regionOrgs AS bigint[])) OR co_organizer_ids && CAST(:regionOrgs AS bigint[]))");
            params.put("regionOrgs", bigints(listing.regionOrganizationIds()));
        }
        if (listing.organizationId() != null) {
            sql.append(" AND (organization_id = :org OR co_organizer_ids @> ARRAY[CAST(:org AS bigint)])");
            params.put("org", listing.organizationId());
        }
        if (listing.format() != null) {
            sql.append(" AND format = :format");
            params.put("format", listing.format().name());
        }
        if (listing.month() != null) {
            // Time zones lie within 14 hours of UTC: the UTC range lets the index narrow first.
            sql.append(" AND starts_at >= :monthFrom AND starts_at < :monthTo")
                    .append(" AND to_char(starts_at AT TIME ZONE time_zone, 'YYYY-MM') = :month");
            Instant from = listing.month().atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            Instant to = listing.month().plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            params.put("monthFrom", Timestamp.from(from.minus(java.time.Duration.ofHours(14))));
            params.put("monthTo", Timestamp.from(to.plus(java.time.Duration.ofHours(14))));
            params.put("month", listing.month().toString());
        }
        sql.append(listing.past() ? " ORDER BY starts_at DESC, id DESC" : " ORDER BY starts_at, id").append(" LIMIT :limit OFFSET :offset");
        params.put("limit", listing.limit());
        params.put("offset", listing.offset());
        return jdbc.sql(sql.toString()).params(params).query(Events::map).list();
    }

    /**
     * The events of a calendar feed as one reader may see them: published and cancelled ones (so
     * that subscribers' calendars learn of a cancellation) from the last 90 days on; with
     * {@code organizationId} those it organizes or co-organizes, with {@code bodyId} those the body hosts.
     */
    public List<Event> feed(Long organizationId, Long bodyId, Readership readership) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM event WHERE status IN ('PUBLISHED', 'CANCELLED') AND ends_at > now() - interval '90 days'");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        readableBy(readership, sql, params);
        if (organizationId != null) {
            sql.append(" AND (organization_id = :org OR co_organizer_ids @> ARRAY[CAST(:org AS bigint)])");
            params.put("org", organizationId);
        }
        if (bodyId != null) {
            sql.append(" AND body_id = :body");
            params.put("body", bodyId);
        }
        sql.append(" ORDER BY starts_at LIMIT 1000");
        return jdbc.sql(sql.toString()).params(params).query(Events::map).list();
    }

    /** The same rule as {@link Readership#maySee} for published and cancelled events, as SQL. */
    private static void readableBy(Readership readership, StringBuilder sql, java.util.Map<String, Object> params) {
        if (readership.everything()) {
            return;
        }
        sql.append(" AND (visibility = 'PUBLIC'");
        if (!readership.bodyIds().isEmpty()) {
            sql.append(" OR body_id = ANY (CAST(:readerBodies AS bigint[]))");
            params.put("readerBodies", bigints(readership.bodyIds()));
        }
        if (readership.ownOrganizationId() != null) {
            sql.append(" OR organization_id = :readerOrganization");
            params.put("readerOrganization", readership.ownOrganizationId());
        }
        sql.append(")");
    }

    private static String bigints(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
