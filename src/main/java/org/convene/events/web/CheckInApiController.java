package org.convene.events.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.convene.accounts.CurrentStaff;
import org.convene.events.internal.CheckIns;
import org.convene.events.internal.CheckIns.Outcome;
import org.convene.events.internal.Events;
import org.convene.events.internal.Refusals;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Door check-in over the API, for scanning apps and kiosks, with the token of staff who may edit
 * the event. Each refusal is a problem with its own {@code type} and {@code code}.
 */
@ApiController("/api/v1/events/{id}")
@Tag(name = "Check-in", description = "Ticket check-in at the door and live attendance counts")
class CheckInApiController {

    /** What a client sends: the ticket code as printed (ABCD-EFGH-JK) or as the QR code holds it. */
    record CheckInRequest(String code) {
    }

    /** The registration just checked in. */
    record CheckInResponse(long registrationId, long eventId, String code, String name, Instant checkedInAt, String checkedInBy) {
    }

    /** Problem types: one per refusal, stable for clients to switch on (identifiers, not links). */
    static final String PROBLEM_TYPE = "urn:convene:problem:check-in:";

    private final CheckIns checkIns;
    private final Events events;
    private final Refusals refusals;

    CheckInApiController(CheckIns checkIns, Events events, Refusals refusals) {
        this.checkIns = checkIns;
        this.events = events;
        this.refusals = refusals;
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @PostMapping("/check-ins")
    @Operation(summary = "Check a ticket in (staff who may edit the event): 200 with the registration, or a problem: "
            + "400 malformed, 404 unknown, 409 cancelled, waitlisted, online, already used (with checkedInAt) or other event")
    ResponseEntity<?> checkIn(@PathVariable long id, @RequestBody(required = false) CheckInRequest request) {
        events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
        CheckIns.Result result = checkIns.checkIn(id, request == null ? null : request.code(), CurrentStaff.required());
        if (result.outcome().admitted()) {
            return ResponseEntity.ok(new CheckInResponse(result.registrationId(), id, result.code(), result.name(),
                    result.checkedInAt(), result.checkedInBy()));
        }
        HttpStatus status = switch (result.outcome()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(result));
        problem.setType(URI.create(PROBLEM_TYPE + result.outcome().name().toLowerCase().replace('_', '-')));
        problem.setTitle("Ticket not admitted");
        problem.setProperty("code", result.outcome().messageCode());
        if (result.registrationId() != null) {
            problem.setProperty("registrationId", result.registrationId());
        }
        if (result.outcome() == Outcome.ALREADY_USED) {
            problem.setProperty("checkedInAt", result.checkedInAt());
            problem.setProperty("checkedInBy", result.checkedInBy());
        }
        if (result.otherEvent() != null) {
            problem.setProperty("otherEventId", result.otherEvent().id());
            problem.setProperty("otherEventTitle", result.otherEvent().title().in(result.otherEvent().title().fallback()));
        }
        return ResponseEntity.status(status).body(problem);
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/counts")
    @Operation(summary = "Live counts (staff who may edit the event): confirmed in person, waitlisted, checked in, confirmed online")
    CheckIns.Counts counts(@PathVariable long id) {
        events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
        return checkIns.counts(id);
    }

    private String detail(CheckIns.Result result) {
        return switch (result.outcome()) {
            case OTHER_EVENT -> result.otherEvent() == null ? refusals.text(Outcome.UNKNOWN.messageCode())
                    : refusals.text(result.outcome().messageCode(), result.otherEvent().title().in(result.otherEvent().title().fallback()),
                            result.otherEvent().startsAt().toString());
            case ALREADY_USED -> refusals.text(result.outcome().messageCode(), result.checkedInAt().toString(),
                    String.valueOf(result.checkedInBy()));
            default -> refusals.text(result.outcome().messageCode());
        };
    }
}
