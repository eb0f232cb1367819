package org.convene.newsroom.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import org.convene.newsroom.PartnerItems;
import org.convene.newsroom.internal.FeedPolling;
import org.convene.newsroom.internal.Items;
import org.convene.newsroom.internal.Outlet;
import org.convene.newsroom.internal.Outlets;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** The newsroom in the API, for network admins: partner outlets (with feed health), their items, picks and polls. */
@ApiController("/api/v1/newsroom")
class NewsroomApiController {

    /** An outlet as written: country ISO 3166-1 alpha-2, languages ISO 639-1, feedUrl http(s) to a public address. */
    record OutletRequest(String name, String country, List<String> languages, String website, String feedUrl,
                         Boolean active, Integer pollIntervalMinutes) {
    }

    /** An outlet with its feed's health (read only). */
    record OutletDocument(long id, String name, String country, List<String> languages, String website, String feedUrl,
                          boolean active, Integer pollIntervalMinutes, Instant nextPollAt, String status, Instant lastPolledAt,
                          Instant lastSuccessAt, Instant failingSince, String lastErrorCode, String lastError,
                          int consecutiveFailures) {
        static OutletDocument of(Outlet o) {
            Outlet.Health h = o.health();
            return new OutletDocument(o.id(), o.name(), o.country(), o.languages(), o.website(), o.feedUrl(), o.active(),
                    o.pollIntervalMinutes(), o.nextPollAt(), h.status().name(), h.lastPolledAt(), h.lastSuccessAt(),
                    h.failingSince(), h.lastErrorCode(), h.lastError(), h.consecutiveFailures());
        }
    }

    /** How a poll went: OK, NOT_MODIFIED or FAILED, with the number of new items or the error. */
    record PollDocument(String outcome, int added, String errorCode, String error) {
    }

    private final Outlets outlets;
    private final Items items;
    private final FeedPolling polling;

    NewsroomApiController(Outlets outlets, Items items, FeedPolling polling) {
        this.outlets = outlets;
        this.items = items;
        this.polling = polling;
    }

    @Operation(summary = "Every partner outlet with its feed's health")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/outlets")
    List<OutletDocument> outlets() {
        return outlets.all().stream().map(OutletDocument::of).toList();
    }

    @Operation(summary = "One partner outlet")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/outlets/{id}")
    OutletDocument outlet(@PathVariable long id) {
        return OutletDocument.of(find(id));
    }

    @Operation(summary = "Registers a partner outlet",
            description = "A feed URL that is not http(s), or whose host is (or resolves to) a loopback, private, link-local, "
                    + "metadata or other special-purpose address, or is a non-canonical numeric host, is a 400 problem naming feedUrl.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/outlets")
    ResponseEntity<OutletDocument> create(@RequestBody OutletRequest request) {
        Outlet outlet = outlets.create(draft(request));
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/newsroom/outlets/" + outlet.id())
                .body(OutletDocument.of(outlet));
    }

    @Operation(summary = "Changes a partner outlet (all fields)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PutMapping("/outlets/{id}")
    OutletDocument update(@PathVariable long id, @RequestBody OutletRequest request) {
        find(id);
        return OutletDocument.of(outlets.update(id, draft(request)));
    }

    @Operation(summary = "Removes a partner outlet and its items")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @DeleteMapping("/outlets/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!outlets.delete(id)) {
            throw new NotFoundException("There is no outlet with this id.");
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Polls the outlet's feed now",
            description = "At most once a minute per outlet (convene.newsroom.poll-now-interval); sooner, or while another poll runs, is a 429 problem.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/outlets/{id}/poll")
    ResponseEntity<?> poll(@PathVariable long id) {
        find(id);
        FeedPolling.Outcome outcome = polling.pollNow(id);
        if (outcome.kind() == FeedPolling.Outcome.Kind.TOO_SOON) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "This feed was polled a moment ago or is being polled; try again in a minute.");
            problem.setTitle("Too soon");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(problem);
        }
        return ResponseEntity.ok(new PollDocument(outcome.kind().name(), outcome.added(), outcome.errorCode(), outcome.error()));
    }

    @Operation(summary = "Items of partner feeds, newest first")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/items")
    List<PartnerItems.PartnerItem> items(
            @Parameter(description = "An outlet's id") @RequestParam(required = false) Long outlet,
            @Parameter(description = "ISO 3166-1 alpha-2 country of the outlet") @RequestParam(required = false) String country,
            @Parameter(description = "ISO 639-1 language of the item") @RequestParam(required = false) String language,
            @Parameter(description = "YYYY-MM-DD: published on or after") @RequestParam(required = false) String from,
            @Parameter(description = "YYYY-MM-DD: published on or before") @RequestParam(required = false) String to,
            @Parameter(description = "true: picked items only; false: not picked") @RequestParam(required = false) Boolean picked,
            @Parameter(description = "At most this many (1-200, default 50)") @RequestParam(defaultValue = "50") int limit) {
        if ((from != null && NewsroomViews.day(from) == null) || (to != null && NewsroomViews.day(to) == null)) {
            throw new InvalidInputException(from != null && NewsroomViews.day(from) == null ? "from" : "to",
                    "newsroom.filter.date", "Not a YYYY-MM-DD date.");
        }
        return items.recent(new PartnerItems.Filter(outlet, country, language, NewsroomViews.day(from), NewsroomViews.day(to), picked), limit);
    }

    @Operation(summary = "Picks an item for the public partners page (and newsletters' round-ups)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PutMapping("/items/{id}/pick")
    ResponseEntity<Void> pick(@PathVariable long id) {
        return picked(id, true);
    }

    @Operation(summary = "Takes an item off the public partners page")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @DeleteMapping("/items/{id}/pick")
    ResponseEntity<Void> unpick(@PathVariable long id) {
        return picked(id, false);
    }

    private ResponseEntity<Void> picked(long id, boolean picked) {
        if (!items.pick(id, picked)) {
            throw new NotFoundException("There is no item with this id.");
        }
        return ResponseEntity.noContent().build();
    }

    private Outlet find(long id) {
        return outlets.find(id).orElseThrow(() -> new NotFoundException("There is no outlet with this id."));
    }

    private static Outlet.Draft draft(OutletRequest r) {
        if (r == null) {
            throw new InvalidInputException("name", "newsroom.outlet.name.required", "The request has no body.");
        }
        return new Outlet.Draft(r.name(), r.country(), r.languages(), r.website(), r.feedUrl(),
                r.active() == null || r.active(), r.pollIntervalMinutes());
    }
}
