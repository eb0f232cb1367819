package org.convene.events.web;

import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.events.internal.EventSeries;
import org.convene.events.internal.Events;
import org.convene.events.internal.Question;
import org.convene.events.internal.SeriesRule;
import org.convene.events.internal.Visibility;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PutMapping;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.convene.platform.web.InvalidInputException;

/**
 * Events in the REST API: anyone reads published events; staff create events with a personal API
 * token (network admins for any organizer, organization staff for their own organization).
 */
@ApiController("/api/v1/events")
class EventApiController {

    /** An event as the API shows and accepts it. Titles and descriptions map language codes to texts. */
    record EventDocument(Long id, String slug, String url, String language, Map<String, String> title,
                         Map<String, String> description, Long organizationId, EventFormat format, Instant startsAt,
                         Instant endsAt, String timeZone, String venueName, String venueAddress, String venueDirections,
                         String accessibility, Integer capacity, Instant registrationOpensAt, Instant registrationClosesAt,
                         EventStatus status, List<Long> coOrganizerIds, Instant doorsOpenAt, String practicalNotes,
                         Integer onlineCapacity, Boolean registrationRequired, List<QuestionDocument> questions,
                         String coverImageUrl, String cancellationMessage, Long bodyId, Visibility visibility, Long seriesId,
                         SeriesRule repeat, LocalDate repeatUntil) {

        EventDraft toDraft() {
            String fallback = Languages.isSupported(language) ? language : Languages.DEFAULT;
            return new EventDraft(new TranslatedText(fallback, title == null ? Map.of() : title),
                    new TranslatedText(fallback, description == null ? Map.of() : description), organizationId,
                    format, startsAt, endsAt, timeZone, venueName, venueAddress, venueDirections, accessibility,
                    capacity == null ? 0 : capacity, registrationOpensAt, registrationClosesAt,
                    status == null ? EventStatus.DRAFT : status, coOrganizerIds, doorsOpenAt, practicalNotes, onlineCapacity,
                    registrationRequired == null || registrationRequired,
                    questions == null ? List.of() : questions.stream().map(q -> q.toQuestion(fallback)).toList(),
                    cancellationMessage, bodyId, visibility);
        }
    }

    /** A custom question: {@code kind} TEXT, CHOICE or CONSENT; label and each choice map language codes to texts. */
    record QuestionDocument(String key, Question.Kind kind, Map<String, String> label, List<Map<String, String>> choices,
                            Boolean required) {

        Question toQuestion(String fallback) {
            return new Question(key, kind, new TranslatedText(fallback, label == null ? Map.of() : label),
                    choices == null ? List.of() : choices.stream().map(c -> new TranslatedText(fallback, c == null ? Map.of() : c)).toList(),
                    Boolean.TRUE.equals(required));
        }

        static QuestionDocument of(Question q) {
            return new QuestionDocument(q.key(), q.kind(), q.label().values(), q.choices().stream().map(TranslatedText::values).toList(),
                    q.required());
        }
    }

    static final int PAGE_SIZE = 100;

    private final Events events;
    private final EventSeries series;
    private final PlatformProperties platform;
    private final EventAudience audience;
    private final EventListings listings;

    EventApiController(Events events, EventSeries series, PlatformProperties platform, EventAudience audience,
                       EventListings listings) {
        this.events = events;
        this.series = series;
        this.platform = platform;
        this.audience = audience;
        this.listings = listings;
    }

    @Operation(summary = "Published events, upcoming (soonest first) or past (latest first), 100 a page",
            description = "Events limited to a body's staff are listed only for a bearer token of such staff (or of a network admin, "
                    + "or of staff of the organizing organization). A Link header with rel=\"next\" points to the next page. "
                    + "An unknown filter value is a 400 problem naming the field.")
    @PermitAll
    @GetMapping
    ResponseEntity<List<EventDocument>> list(
            @Parameter(description = "upcoming (default) or past") @RequestParam(required = false) String when,
            @Parameter(description = "A region's slug: events one of whose organizers (organizer or co-organizer) is in that region")
            @RequestParam(required = false) String region,
            @Parameter(description = "A member organization's slug or id: events it organizes or co-organizes")
            @RequestParam(required = false) String organization,
            @Parameter(description = "IN_PERSON, ONLINE or HYBRID") @RequestParam(required = false) String format,
            @Parameter(description = "YYYY-MM: events starting in that month, in the event's own time zone")
            @RequestParam(required = false) String month,
            @Parameter(description = "Page number, from 1") @RequestParam(required = false) String page) {
        EventListings.Filters filters = new EventListings.Filters(when, region, organization, format, month, page);
        EventListings.Page found = listings.find(filters, audience.current(), PAGE_SIZE);
        if (!found.problems().isEmpty()) {
            throw new InvalidInputException(found.problems());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (found.more()) {
            String next = UriComponentsBuilder.fromUriString(platform.link("/api/v1/events"))
                    .queryParamIfPresent("when", java.util.Optional.ofNullable(blankToNull(filters.when())))
                    .queryParamIfPresent("region", java.util.Optional.ofNullable(blankToNull(filters.region())))
                    .queryParamIfPresent("organization", java.util.Optional.ofNullable(blankToNull(filters.organization())))
                    .queryParamIfPresent("format", java.util.Optional.ofNullable(blankToNull(filters.format())))
                    .queryParamIfPresent("month", java.util.Optional.ofNullable(blankToNull(filters.month())))
                    .queryParam("page", found.number() + 1).encode().build().toUriString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.body(found.events().stream().map(this::document).toList());
    }

    @Operation(summary = "One event, if the caller may see it (else 404)")
    @PermitAll
    @GetMapping("/{id}")
    EventDocument one(@PathVariable long id) {
        return document(audience.visible(id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @PreAuthorize("@eventAccess.canOrganize(#request.organizationId())")
    @PostMapping
    ResponseEntity<EventDocument> create(@RequestBody EventDocument request) {
        Event event = events.create(request.toDraft());
        if (request.repeat() != null) {
            series.start(event.id(), request.repeat(), request.repeatUntil());
            event = events.find(event.id()).orElseThrow();
        }
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/events/" + event.id()).body(document(event));
    }

    /** Changes an event: the whole document, as for creating it (a series' rule cannot be changed). */
    @PreAuthorize("@eventAccess.canEdit(#id) and @eventAccess.canOrganize(#request.organizationId())")
    @PutMapping("/{id}")
    EventDocument update(@PathVariable long id, @RequestBody EventDocument request) {
        events.find(id).orElseThrow(() -> new NotFoundException("There is no event with this id."));
        return document(events.update(id, request.toDraft()));
    }

    private EventDocument document(Event e) {
        return new EventDocument(e.id(), e.slug(), platform.link("/events/" + e.slug()), e.title().fallback(), e.title().values(),
                e.description().values(), e.organizationId(), e.format(), e.startsAt(), e.endsAt(), e.zone().getId(), e.venueName(),
                e.venueAddress(), e.venueDirections(), e.accessibility(), e.capacity(), e.registrationOpensAt(),
                e.registrationClosesAt(), e.status(), e.coOrganizerIds(), e.doorsOpenAt(), e.practicalNotes(), e.onlineCapacity(),
                e.registrationRequired(), e.questions().stream().map(QuestionDocument::of).toList(),
                e.coverImage() == null ? null : platform.link("/media/" + e.coverImage()), e.cancellationMessage(), e.bodyId(),
                e.visibility(), e.seriesId(), null, null);
    }
}
