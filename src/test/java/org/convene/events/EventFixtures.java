package org.convene.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.events.internal.Events;
import org.convene.events.internal.Visibility;
import org.convene.platform.i18n.TranslatedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates events for tests (each with a unique title) and reads what registrations wrote. */
@Component
public class EventFixtures {

    private final Events events;
    private final JdbcClient jdbc;
    private final org.convene.directory.internal.OrganizationService organizations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    EventFixtures(Events events, JdbcClient jdbc, org.convene.directory.internal.OrganizationService organizations) {
        this.events = events;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    public static EventDraft draft(EventFormat format, int capacity) {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return new EventDraft(new TranslatedText("en", java.util.Map.of(
                        "en", "Regional assembly " + UUID.randomUUID().toString().substring(0, 6),
                        "ar", "الجمعية الإقليمية",
                        "es", "Asamblea regional")),
                TranslatedText.of("en", "Delegates of the member organizations meet to agree on the year's plan.\n\nStep-free entrance."),
                null, format, start, start.plus(Duration.ofHours(3)), "Europe/Lisbon",
                format == EventFormat.ONLINE ? null : "Harbour Hall", "1 Quay Street, Lisbon", "Tram 15 to the harbour.",
                "Step-free access, hearing loop, quiet room.", capacity, null, null, EventStatus.PUBLISHED);
    }

    /** The draft as a meeting of a body, seen only by the staff of the body's member organizations. */
    public static EventDraft restrictedToBody(EventDraft d, long bodyId) {
        return copy(d, d.organizationId(), d.coOrganizerIds(), d.startsAt(), d.status(), bodyId, Visibility.BODY_STAFF);
    }

    /** The draft as a public event hosted by a body. */
    public static EventDraft hostedBy(EventDraft d, long bodyId) {
        return copy(d, d.organizationId(), d.coOrganizerIds(), d.startsAt(), d.status(), bodyId, Visibility.PUBLIC);
    }

    /** The draft with another organizer (null: the network) and co-organizers. */
    public static EventDraft organizedBy(EventDraft d, Long organizationId, List<Long> coOrganizerIds) {
        return copy(d, organizationId, coOrganizerIds, d.startsAt(), d.status(), d.bodyId(), d.visibility());
    }

    /** The draft starting at another time, lasting as long. */
    public static EventDraft startingAt(EventDraft d, Instant start) {
        return copy(d, d.organizationId(), d.coOrganizerIds(), start, d.status(), d.bodyId(), d.visibility());
    }

    // The one place in the tests that calls EventDraft's full constructor.
    private static EventDraft copy(EventDraft d, Long organizationId, List<Long> coOrganizerIds, Instant start, EventStatus status,
                                   Long bodyId, Visibility visibility) {
        Instant end = start.plus(Duration.between(d.startsAt(), d.endsAt()));
        return new EventDraft(d.title(), d.description(), organizationId, d.format(), start, end, d.timeZone(), d.venueName(),
                d.venueAddress(), d.venueDirections(), d.accessibility(), d.capacity(), d.registrationOpensAt(),
                d.registrationClosesAt(), status, coOrganizerIds, d.doorsOpenAt(), d.practicalNotes(), d.onlineCapacity(),
                d.registrationRequired(), d.questions(), d.cancellationMessage(), bodyId, visibility);
    }

    public Event published(EventFormat format, int capacity) {
        return events.create(draft(format, capacity));
    }

    public Event create(EventDraft draft) {
        return events.create(draft);
    }

    /** A published event organized by a member organization (set after creating it, so it does not depend on the draft's shape). */
    public Event publishedBy(long organizationId, EventFormat format, int capacity) {
        Event event = published(format, capacity);
        jdbc.sql("UPDATE event SET organization_id = :org WHERE id = :id").param("org", organizationId).param("id", event.id()).update();
        return events.find(event.id()).orElseThrow();
    }

    /** A member organization in the directory (a referrer must be one), with a unique name. */
    public long memberOrganization(String name) {
        var form = new org.convene.directory.internal.Forms.OrganizationForm();
        form.setName(name + " " + UUID.randomUUID().toString().substring(0, 6));
        form.setCountry("PT");
        return organizations.create(form, null);
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    /** The mails queued for a recipient, oldest first: {subject, body}. */
    public List<String[]> mailsTo(String email) {
        return jdbc.sql("SELECT subject, body_text FROM mail_outbox WHERE lower(recipient) = lower(:to) ORDER BY id")
                .param("to", email).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** The personal link path (/registrations/...) from the latest mail to that recipient. */
    public String personalPath(String email) {
        List<String[]> mails = mailsTo(email);
        String body = mails.getLast()[1];
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(/registrations/[A-Za-z0-9_-]+)").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no personal link in " + body);
        }
        return m.group(1);
    }

    public int count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Integer.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public HttpResponse<String> postJson(int port, String path, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String registrationJson(String name, String email, String attendance) {
        return "{\"name\":" + quote(name) + ",\"email\":" + quote(email) + ",\"attendance\":" + quote(attendance) + "}";
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
