package org.convene.events.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.Referral;
import org.convene.events.internal.ReferringOrganizations;
import org.convene.events.internal.Registration;
import org.convene.events.internal.RegistrationRequestKeys;
import org.convene.events.internal.RegistrationRefusedException;
import org.convene.events.internal.Registrations;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Public registration through the API. A new registration answers 201; the same e-mail again (a
 * retry, a double click) answers 200 with the registration made the first time. With an
 * {@code Idempotency-Key} header a retry gets the first answer back without writing anything.
 */
@ApiController("/api/v1/events/{eventId}/registrations")
@PermitAll
@Tag(name = "Registrations", description = "Registering for events, and the registrant list for organizers")
class RegistrationApiController {

    /**
     * What a client sends. {@code attendance} is IN_PERSON or ONLINE; {@code answers} answer the
     * event's custom questions by key: text as written, a choice as the option's number (from 0),
     * a consent as {@code "true"}; {@code referral} the member organization's number from a referral
     * link ({@code ?via=}), ignored when unknown; {@code referralConsent} true to share name and
     * e-mail with that organization.
     */
    record RegistrationRequest(String name, String email, String attendance, java.util.Map<String, String> answers,
                               @Schema(description = "Number of the member organization whose referral link was followed (its ?via= value); unknown values are ignored")
                               String referral,
                               @Schema(description = "Share name and e-mail with the referring organization (default false)")
                               Boolean referralConsent) {
    }

    /** What a client gets back: never the name or e-mail, which the caller already knows. */
    record RegistrationResponse(long id, long eventId, String status, String attendance, Integer waitlistPosition) {
        static RegistrationResponse of(Registration r) {
            return new RegistrationResponse(r.id(), r.eventId(), r.status().name(), r.attendance().name(), r.waitlistPosition());
        }
    }

    private final Registrations registrations;
    private final RegistrationAllowance allowance;
    private final EventAudience audience;
    private final RegistrationRequestKeys keys;
    private final ReferringOrganizations referrers;

    RegistrationApiController(Registrations registrations, RegistrationAllowance allowance, EventAudience audience,
                              RegistrationRequestKeys keys, ReferringOrganizations referrers) {
        this.registrations = registrations;
        this.allowance = allowance;
        this.audience = audience;
        this.keys = keys;
        this.referrers = referrers;
    }

    @PostMapping
    @Operation(summary = "Register for an event (no account needed)",
            description = "201 for a new registration, 200 with the existing one when the e-mail is registered already. "
                    + "Send an `Idempotency-Key` header (1-255 visible ASCII characters, e.g. a UUID) to make retries safe: "
                    + "for 24 hours a request with the same key and the same body gets the first answer (status and "
                    + "registration) again without writing anything; the same key with a different body is refused with "
                    + "422. Only successful answers are remembered.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Registered (confirmed or waitlisted)"),
                    @ApiResponse(responseCode = "200", description = "Registered before with this e-mail, or a retry with the same Idempotency-Key"),
                    @ApiResponse(responseCode = "400", description = "Invalid fields or a malformed Idempotency-Key"),
                    @ApiResponse(responseCode = "409", description = "Registration not possible (closed, cancelled, over)"),
                    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with a different request body"),
                    @ApiResponse(responseCode = "429", description = "Too many registrations from this address")})
    ResponseEntity<?> register(@PathVariable long eventId, @RequestBody RegistrationRequest request,
                               @Parameter(in = ParameterIn.HEADER, description = "Makes a retry return the first answer; see above")
                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                               Locale locale, HttpServletRequest http) {
        Event published = registrations.recentlyPublished(eventId);
        if (published == null || !published.isPublic()) {
            audience.visible(eventId); // a published public event is everyone's: no need to ask the database again
        }
        String fingerprint = null;
        if (idempotencyKey != null) {
            if (!RegistrationRequestKeys.isWellFormed(idempotencyKey)) {
                throw new InvalidInputException("Idempotency-Key", "typeMismatch", "Use 1 to 255 visible ASCII characters as Idempotency-Key.");
            }
            fingerprint = RegistrationRequestKeys.fingerprint(request.name(), request.email(), request.attendance(),
                    request.answers() == null ? null : new java.util.TreeMap<>(request.answers()), request.referral(),
                    request.referralConsent());
            var stored = keys.find(eventId, idempotencyKey);
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(fingerprint)) {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                            "This Idempotency-Key was used with a different request body; use a new key for a new request.");
                    problem.setTitle("Idempotency-Key reused");
                    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
                }
                Registration registration = registrations.find(stored.get().registrationId()).orElseThrow();
                return ResponseEntity.status(stored.get().status()).body(RegistrationResponse.of(registration));
            }
        }
        if (!allowance.tryTake(http)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many registrations from this address; try again in a minute.");
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").body(problem);
        }
        Attendance attendance = attendance(request.attendance());
        Referral referral = new Referral(referrers.resolve(request.referral()).orElse(null), Boolean.TRUE.equals(request.referralConsent()));
        Registrations.Outcome outcome = registrations.register(eventId, request.name(), request.email(), attendance,
                request.answers() == null ? java.util.Map.of() : request.answers(), locale, referral);
        HttpStatus status = outcome.created() ? HttpStatus.CREATED : HttpStatus.OK;
        if (idempotencyKey != null) {
            keys.remember(eventId, idempotencyKey, fingerprint, status.value(), outcome.registration().id());
        }
        return ResponseEntity.status(status).body(RegistrationResponse.of(outcome.registration()));
    }

    @ExceptionHandler(RegistrationRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RegistrationRefusedException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Registration not possible");
        problem.setProperty("code", refused.code());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static Attendance attendance(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Attendance.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("attendance", "typeMismatch", "Use IN_PERSON or ONLINE.");
        }
    }
}
