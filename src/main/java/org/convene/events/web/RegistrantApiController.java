package org.convene.events.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Events;
import org.convene.platform.web.NotFoundException;
import org.convene.events.internal.Registrants;
import org.convene.events.internal.RegistrationStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.convene.platform.web.ApiController;

/** The registrant list for organizers over the API (staff of the organizing organization and network admins). */
@ApiController("/api/v1/events/{eventId}/registrations")
@Tag(name = "Registrations")
class RegistrantApiController {

    record RegistrantDocument(long id, String name, String email, Attendance attendance, RegistrationStatus status,
                              Integer waitlistPosition, Instant registeredAt, Long referralOrganizationId,
                              boolean referralConsent,
                              @Schema(description = "When they were checked in at the door (in person) or first joined (online)")
                              Instant attendedAt) {
        static RegistrantDocument of(Registrants.Registrant r) {
            return new RegistrantDocument(r.id(), r.name(), r.email(), r.attendance(), r.status(), r.waitlistPosition(),
                    r.registeredAt(), r.referralOrganizationId(), r.referralConsentAt() != null, r.attendedAt());
        }
    }

    record RegistrantPage(List<RegistrantDocument> items, int page, int pageSize, long total, int pages) {
    }

    private final Registrants registrants;
    private final Events events;

    RegistrantApiController(Registrants registrants, Events events) {
        this.registrants = registrants;
        this.events = events;
    }

    @PreAuthorize("@eventAccess.canEdit(#eventId)")
    @GetMapping
    @Operation(summary = "The event's registrants (organizers: staff of the organizing organization, network admins)",
            description = "In the order they registered, 50 per page (page numbers from 0). `q` searches names and e-mails.")
    RegistrantPage list(@PathVariable long eventId,
                        @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
                        @RequestParam(required = false) String q,
                        @RequestParam(required = false) RegistrationStatus status,
                        @RequestParam(required = false) Attendance attendance) {
        events.find(eventId).orElseThrow(() -> new NotFoundException("There is no event with this id."));
        Registrants.Page result = registrants.page(eventId, new Registrants.Filter(q, status, attendance), page);
        return new RegistrantPage(result.items().stream().map(RegistrantDocument::of).toList(), result.page(),
                Registrants.PAGE_SIZE, result.total(), result.pages());
    }
}
