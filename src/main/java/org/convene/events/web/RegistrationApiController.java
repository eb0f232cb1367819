package org.convene.events.web;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Registration;
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

/**
 * Public registration through the API. A new registration answers 201; the same e-mail again (a
 * retry, a double click) answers 200 with the registration made the first time.
 */
@ApiController("/api/v1/events/{eventId}/registrations")
@PermitAll
class RegistrationApiController {

    /**
     * What a client sends. {@code attendance} is IN_PERSON or ONLINE; {@code answers} answer the
     * event's custom questions by key: text as written, a choice as the option's number (from 0),
     * a consent as {@code "true"}.
     */
    record RegistrationRequest(String name, String email, String attendance, java.util.Map<String, String> answers) {
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

    RegistrationApiController(Registrations registrations, RegistrationAllowance allowance, EventAudience audience) {
        this.registrations = registrations;
        this.allowance = allowance;
        this.audience = audience;
    }

    @PostMapping
    ResponseEntity<?> register(@PathVariable long eventId, @RequestBody RegistrationRequest request, Locale locale,
                               HttpServletRequest http) {
        audience.visible(eventId);
        if (!allowance.tryTake(http)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many registrations from this address; try again in a minute.");
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").body(problem);
        }
        Attendance attendance = attendance(request.attendance());
        Registrations.Outcome outcome = registrations.register(eventId, request.name(), request.email(), attendance,
                request.answers() == null ? java.util.Map.of() : request.answers(), locale);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(RegistrationResponse.of(outcome.registration()));
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
