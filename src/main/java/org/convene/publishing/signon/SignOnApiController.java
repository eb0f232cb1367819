package org.convene.publishing.signon;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.platform.web.ApiController;
import org.convene.publishing.internal.Publication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Sign-on in the REST API: anyone reads a published statement's shown endorsements and may submit an
 * organization's or a person's; a member organization's admin (or a network admin) endorses for it
 * with their token; network admins verify, set sign-on and export the signatories.
 */
@ApiController("/api/v1")
class SignOnApiController {

    /** A shown endorsement: never the contact or e-mail. {@code region} is null for "other". */
    record EndorsementDocument(long id, EndorsementKind type, String name, String affiliation, String country, String region,
                               String website, Instant verifiedAt) {
    }

    record Counts(int organizations, int countries, int individuals) {
    }

    record EndorsementsDocument(long statementId, boolean accepting, Instant closesAt, Counts counts,
                                List<EndorsementDocument> organizations, List<EndorsementDocument> individuals) {
    }

    /**
     * A new endorsement: {@code type} MEMBER (with {@code organizationId}; needs the token of that
     * organization's admin or a network admin), ORGANIZATION (name, country, website, contactName,
     * email) or INDIVIDUAL (name, affiliation, country, email; a confirmation mail is sent).
     */
    record EndorsementRequest(EndorsementKind type, Long organizationId, String name, String affiliation, String country,
                              String website, String contactName, String email) {
    }

    record EndorsementCreated(long id, EndorsementKind type, EndorsementStatus status) {
        static EndorsementCreated of(Endorsement e) {
            return new EndorsementCreated(e.id(), e.kind(), e.status());
        }
    }

    /** {@code decision}: APPROVE or REJECT. */
    record Verification(String decision) {
    }

    record SettingsDocument(boolean open, Instant closesAt, String timeZone, boolean individualsAllowed) {
        static SettingsDocument of(SignOnSettings s) {
            return new SettingsDocument(s.open(), s.closesAt(), s.timeZone().getId(), s.individualsAllowed());
        }
    }

    private final SignOn signOn;
    private final SignOnPages pages;
    private final SignOnAllowance allowance;
    private final SignOnCsv csv;

    SignOnApiController(SignOn signOn, SignOnPages pages, SignOnAllowance allowance, SignOnCsv csv) {
        this.signOn = signOn;
        this.pages = pages;
        this.allowance = allowance;
        this.csv = csv;
    }

    @Operation(summary = "The shown endorsements of a published statement",
            description = "Member organizations and verified other organizations, newest first, with their region; confirmed "
                    + "individuals, newest first; counts. Contacts and e-mails are never shown. A draft or unknown statement is a 404 problem.")
    @PermitAll
    @GetMapping("/statements/{id}/endorsements")
    EndorsementsDocument endorsements(@PathVariable long id) {
        Publication statement = signOn.publicStatement(id);
        SignOnSettings settings = signOn.settings(id);
        List<Endorsement> organizations = signOn.shownOrganizations(id);
        List<SignOnPages.RegionGroup> groups = pages.group(organizations, Locale.ENGLISH, false);
        java.util.Map<Long, String> regionOf = new java.util.HashMap<>();
        groups.forEach(g -> g.countries().forEach(c -> c.organizations().forEach(o -> regionOf.put(o.id(), g.name()))));
        List<Endorsement> individuals = signOn.shownIndividuals(id, false, 0, Integer.MAX_VALUE);
        return new EndorsementsDocument(statement.id(), settings.accepting(Instant.now()), settings.closesAt(),
                new Counts(organizations.size(), (int) organizations.stream().map(Endorsement::country).distinct().count(), individuals.size()),
                organizations.stream().map(e -> document(e, regionOf.get(e.id()))).toList(),
                individuals.stream().map(e -> document(e, null)).toList());
    }

    @Operation(summary = "Endorse a published statement",
            description = "type MEMBER endorses for a member organization (bearer token of its admin or of a network admin); "
                    + "ORGANIZATION submits another organization for staff to verify; INDIVIDUAL adds a person's name once they "
                    + "confirm the mailed link (only if the statement allows individuals). Anonymous submissions are limited per "
                    + "client address (429 with Retry-After). A duplicate (same member, same name and country, same contact or "
                    + "e-mail) is a 409 problem and writes nothing; closed sign-on or a passed deadline is a 409 problem; invalid "
                    + "fields a 400 problem naming them; a draft statement a 404.")
    @PermitAll
    @PostMapping("/statements/{id}/endorsements")
    ResponseEntity<?> endorse(@PathVariable long id, @RequestBody EndorsementRequest request, HttpServletRequest http, Locale locale) {
        signOn.publicStatement(id);
        if (request.type() == null) {
            throw new org.convene.platform.web.InvalidInputException("type", "signon.error.type", "type must be MEMBER, ORGANIZATION or INDIVIDUAL.");
        }
        Endorsement created;
        if (request.type() == EndorsementKind.MEMBER) {
            StaffMember staff = CurrentStaff.get().orElseThrow(() -> new org.springframework.security.authentication
                    .AuthenticationCredentialsNotFoundException("A member endorsement needs a bearer token"));
            if (request.organizationId() == null || !staff.canAdministerOrganization(request.organizationId())) {
                throw new AccessDeniedException("Not an admin of this organization");
            }
            created = signOn.endorseAsMember(id, request.organizationId(), staff.id(), locale);
        } else {
            if (!allowance.tryTake(http)) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                        "Too many submissions from this address; try again in a minute.");
                problem.setTitle("Too many requests");
                return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").body(problem);
            }
            created = request.type() == EndorsementKind.ORGANIZATION
                    ? signOn.submitOrganization(id, new SignOn.OrganizationSubmission(request.name(), request.country(), request.website(),
                            request.contactName(), request.email()), locale)
                    : signOn.signAsIndividual(id, new SignOn.IndividualSubmission(request.name(), request.affiliation(), request.country(),
                            request.email()), locale);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(EndorsementCreated.of(created));
    }

    @Operation(summary = "Verify a non-member organization's endorsement (network admins)",
            description = "APPROVE shows it and mails its contact; REJECT keeps it hidden.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/endorsements/{id}/verification")
    EndorsementCreated verify(@PathVariable long id, @RequestBody Verification verification) {
        if (verification.decision() == null || !List.of("APPROVE", "REJECT").contains(verification.decision())) {
            throw new org.convene.platform.web.InvalidInputException("decision", "signon.error.decision", "decision must be APPROVE or REJECT.");
        }
        return EndorsementCreated.of(signOn.verify(id, "APPROVE".equals(verification.decision())));
    }

    @Operation(summary = "A statement's sign-on settings (network admins)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/statements/{id}/sign-on")
    SettingsDocument settings(@PathVariable long id) {
        signOn.statement(id);
        return SettingsDocument.of(signOn.settings(id));
    }

    @Operation(summary = "Set a statement's sign-on (network admins)",
            description = "open, closesAt (an instant; after it sign-on is closed everywhere), timeZone (to show the deadline in), individualsAllowed.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PutMapping("/statements/{id}/sign-on")
    SettingsDocument saveSettings(@PathVariable long id, @RequestBody SettingsDocument settings) {
        return SettingsDocument.of(signOn.saveSettings(id, settings.open(), settings.closesAt(), settings.timeZone(), settings.individualsAllowed()));
    }

    @Operation(summary = "The signatories of a statement as CSV (network admins)",
            description = "Shown organizations and confirmed individuals: type, name, organization_or_role, country, region, website, "
                    + "contact_name, contact_email, verified_at.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(value = "/statements/{id}/signatories.csv", produces = "text/csv")
    ResponseEntity<String> export(@PathVariable long id) {
        return SignOnAdminController.csvResponse(signOn.statement(id), csv.signatories(id));
    }

    @ExceptionHandler(DuplicateEndorsementException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateEndorsementException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Already endorsed");
        problem.setProperty("errors", ex.errors().stream().map(e -> java.util.Map.of("field", e.field(), "message", e.message())).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(SignOnRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SignOnRefusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Sign-on refused");
        problem.setProperty("code", ex.code());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static EndorsementDocument document(Endorsement e, String region) {
        return new EndorsementDocument(e.id(), e.kind(), e.name(), e.affiliation(), e.country(), region, e.website(), e.verifiedAt());
    }
}
