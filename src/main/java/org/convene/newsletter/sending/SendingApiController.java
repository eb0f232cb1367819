package org.convene.newsletter.sending;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** An edition's send in the REST API: its figures, and pause, resume and cancel (network admins). */
@ApiController("/api/v1/newsletter/editions")
class SendingApiController {

    /** Where a send stands. {@code secondsLeft} is null while it cannot be estimated (paused, or nothing sent lately). */
    record SendingDocument(long editionId, String status, long total, long sent, long failed, long skipped, long remaining,
                           long resentAfterCrash, double ratePerSecond, Long secondsLeft, int percent, Instant startedAt,
                           Instant finishedAt) {

        static SendingDocument of(EditionSending.Figures f) {
            return new SendingDocument(f.editionId(), f.status(), f.total(), f.sent(), f.failed(), f.skipped(), f.remaining(),
                    f.resentAfterCrash(), f.ratePerSecond(), f.secondsLeft(), f.percent(), f.startedAt(), f.finishedAt());
        }
    }

    private final EditionSending sending;

    SendingApiController(EditionSending sending) {
        this.sending = sending;
    }

    @Operation(summary = "Progress of an edition's send (network admins)",
            description = "Recipients sent, failed, skipped and remaining, the rate over the last ten seconds and the estimated time left.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/{id}/sending")
    SendingDocument figures(@PathVariable long id) {
        return SendingDocument.of(find(id));
    }

    @Operation(summary = "Pause a send (network admins)", description = "SENDING to PAUSED: no new batches are claimed within a second.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/{id}/sending/pause")
    ResponseEntity<Object> pause(@PathVariable long id) {
        return control(id, () -> sending.pause(id));
    }

    @Operation(summary = "Resume a paused send (network admins)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/{id}/sending/resume")
    ResponseEntity<Object> resume(@PathVariable long id) {
        return control(id, () -> sending.resume(id));
    }

    @Operation(summary = "Cancel a scheduled, sending or paused edition (network admins)",
            description = "Recipients not yet mailed are SKIPPED.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/{id}/sending/cancel")
    ResponseEntity<Object> cancel(@PathVariable long id) {
        return control(id, () -> sending.cancel(id));
    }

    private ResponseEntity<Object> control(long id, Runnable action) {
        find(id);
        try {
            action.run();
        } catch (EditionSending.NotAllowedException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Not allowed in the edition's status");
            problem.setType(URI.create("about:blank"));
            problem.setProperties(Map.of("status_now", find(id).status()));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.ok(SendingDocument.of(find(id)));
    }

    private EditionSending.Figures find(long id) {
        return sending.figures(id).orElseThrow(() -> new NotFoundException("No such edition"));
    }
}
