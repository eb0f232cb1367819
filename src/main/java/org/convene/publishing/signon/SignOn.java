package org.convene.publishing.signon;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.convene.accounts.AuditLog;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.convene.platform.web.NotFoundException;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.Publications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-on to statements: the settings staff set, endorsements by member organizations (shown at
 * once), by other organizations (shown once staff verify them) and by individuals (shown once they
 * confirm their e-mail). Each change checks first, then writes in one transaction; the unique
 * indexes and {@code ON CONFLICT DO NOTHING} keep a duplicate from writing a second row even when two
 * submissions race, and the insert itself re-checks that sign-on is open, so nothing lands after the deadline.
 */
@Service
public class SignOn {

    public record OrganizationSubmission(String name, String country, String website, String contactName, String email) {
    }

    public record IndividualSubmission(String name, String affiliation, String country, String email) {
    }

    static final String COLUMNS = """
            id, publication_id, kind, organization_id, name, affiliation, country, website, contact_name, email, language, status,
            created_at, verified_at""";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    /** Inserts only while the statement takes endorsements: the deadline is checked by the database clock, in the insert. */
    private static final String ACCEPTING = """
            EXISTS (SELECT 1 FROM statement_sign_on s WHERE s.publication_id = :publication AND s.open
                    AND (s.closes_at IS NULL OR s.closes_at > now()))""";

    private final JdbcClient jdbc;
    private final Publications publications;
    private final MemberDirectory directory;
    private final SignOnMails mails;
    private final AuditLog audit;

    SignOn(JdbcClient jdbc, Publications publications, MemberDirectory directory, SignOnMails mails, AuditLog audit) {
        this.jdbc = jdbc;
        this.publications = publications;
        this.directory = directory;
        this.mails = mails;
        this.audit = audit;
    }

    /** A statement the public may read now; anything else (a draft, a scheduled one, a news post) does not exist for sign-on. */
    public Publication publicStatement(long id) {
        return publications.find(id).filter(SignOn::isPublicStatement).orElseThrow(() -> new NotFoundException("No such statement"));
    }

    public Publication publicStatement(String slug) {
        return publications.findBySlug(slug).filter(SignOn::isPublicStatement).orElseThrow(() -> new NotFoundException("No such statement"));
    }

    /** Any statement, published or not (for staff settings). */
    public Publication statement(long id) {
        return publications.find(id).filter(p -> p.kind() == PublicationKind.STATEMENT)
                .orElseThrow(() -> new NotFoundException("No such statement"));
    }

    private static boolean isPublicStatement(Publication p) {
        return p.kind() == PublicationKind.STATEMENT && p.isPublic(Instant.now());
    }

    public SignOnSettings settings(long publicationId) {
        return jdbc.sql("SELECT publication_id, open, closes_at, time_zone, individuals_allowed FROM statement_sign_on WHERE publication_id = :id")
                .param("id", publicationId)
                .query((rs, n) -> new SignOnSettings(rs.getLong(1), rs.getBoolean(2), instant(rs.getTimestamp(3)), ZoneId.of(rs.getString(4)),
                        rs.getBoolean(5)))
                .optional().orElse(SignOnSettings.closed(publicationId));
    }

    @Transactional
    public SignOnSettings saveSettings(long publicationId, boolean open, Instant closesAt, String timeZone, boolean individualsAllowed) {
        statement(publicationId);
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
        } catch (DateTimeException unknown) {
            throw new InvalidInputException("timeZone", "signon.error.timeZone", "Choose a known time zone.");
        }
        jdbc.sql("""
                        INSERT INTO statement_sign_on (publication_id, open, closes_at, time_zone, individuals_allowed)
                        VALUES (:id, :open, :closesAt, :zone, :individuals)
                        ON CONFLICT (publication_id) DO UPDATE SET open = excluded.open, closes_at = excluded.closes_at,
                            time_zone = excluded.time_zone, individuals_allowed = excluded.individuals_allowed, updated_at = now()""")
                .param("id", publicationId).param("open", open).param("closesAt", timestamp(closesAt)).param("zone", zone.getId())
                .param("individuals", individualsAllowed).update();
        audit.record("signon.settings", "publication", publicationId,
                (open ? "open" : "closed") + (closesAt == null ? "" : " until " + closesAt) + (individualsAllowed ? ", individuals" : ""));
        return settings(publicationId);
    }

    /** One click of a member organization's admin (the caller checks that they may speak for it). */
    @Transactional
    public Endorsement endorseAsMember(long publicationId, long organizationId, long staffId, Locale locale) {
        publicStatement(publicationId);
        acceptingOrRefuse(publicationId);
        MemberDirectory.MemberOrganization organization = directory.organization(organizationId)
                .orElseThrow(() -> new InvalidInputException("organizationId", "signon.error.organization", "Choose a member organization."));
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO endorsement (publication_id, kind, organization_id, name, country, language, status, endorsed_by, verified_at)
                        SELECT :publication, 'MEMBER', :organization, :name, :country, :language, 'VERIFIED', :staff, now()
                        WHERE %s
                        ON CONFLICT DO NOTHING RETURNING id""".formatted(ACCEPTING))
                .param("publication", publicationId).param("organization", organizationId).param("name", organization.name())
                .param("country", organization.country()).param("language", language(locale)).param("staff", staffId)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            acceptingOrRefuse(publicationId);
            throw new SignOnRefusedException("signon.error.memberTwice", "Your organization has endorsed this statement already.");
        }
        audit.record("signon.endorse", "publication", publicationId, organization.name());
        return find(id.get()).orElseThrow();
    }

    /** Takes a member organization's endorsement back, before the deadline. */
    @Transactional
    public void withdrawMember(long publicationId, long organizationId) {
        SignOnSettings settings = settings(publicationId);
        if (settings.deadlinePassed(Instant.now())) {
            throw new SignOnRefusedException("signon.error.deadline", "The deadline for this statement has passed.");
        }
        int removed = jdbc.sql("""
                        DELETE FROM endorsement WHERE publication_id = :publication AND kind = 'MEMBER' AND organization_id = :organization
                          AND NOT EXISTS (SELECT 1 FROM statement_sign_on s WHERE s.publication_id = :publication AND s.closes_at <= now())""")
                .param("publication", publicationId).param("organization", organizationId).update();
        if (removed == 0) {
            throw new SignOnRefusedException("signon.error.notEndorsed", "Your organization has not endorsed this statement.");
        }
        audit.record("signon.withdraw", "publication", publicationId, "organization " + organizationId);
    }

    /** A non-member organization's submission: stored, shown once staff verify it. */
    @Transactional
    public Endorsement submitOrganization(long publicationId, OrganizationSubmission submission, Locale locale) {
        publicStatement(publicationId);
        List<FieldProblem> problems = new ArrayList<>();
        String name = required(submission.name(), "name", 200, problems);
        String country = country(submission.country(), problems);
        String website = website(submission.website(), problems);
        String contact = required(submission.contactName(), "contactName", 200, problems);
        String email = email(submission.email(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        acceptingOrRefuse(publicationId);
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO endorsement (publication_id, kind, name, country, website, contact_name, email, language, status)
                        SELECT :publication, 'ORGANIZATION', :name, :country, :website, :contact, :email, :language, 'PENDING'
                        WHERE %s
                        ON CONFLICT DO NOTHING RETURNING id""".formatted(ACCEPTING))
                .param("publication", publicationId).param("name", name).param("country", country).param("website", website)
                .param("contact", contact).param("email", email).param("language", language(locale))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            acceptingOrRefuse(publicationId);
            boolean sameName = jdbc.sql("""
                            SELECT count(*) > 0 FROM endorsement WHERE publication_id = :publication AND kind = 'ORGANIZATION'
                              AND lower(name) = lower(:name) AND country = :country""")
                    .param("publication", publicationId).param("name", name).param("country", country).query(Boolean.class).single();
            throw sameName
                    ? new DuplicateEndorsementException("name", "signon.error.organizationTwice",
                            "An organization of this name in this country has signed on already.")
                    : new DuplicateEndorsementException("email", "signon.error.contactTwice",
                            "An organization with this contact e-mail has signed on already.");
        }
        return find(id.get()).orElseThrow();
    }

    /** An individual's signature: stored, and a confirmation link is mailed; shown once confirmed. */
    @Transactional
    public Endorsement signAsIndividual(long publicationId, IndividualSubmission submission, Locale locale) {
        Publication statement = publicStatement(publicationId);
        List<FieldProblem> problems = new ArrayList<>();
        String name = required(submission.name(), "name", 200, problems);
        String affiliation = optional(submission.affiliation(), "affiliation", 200, problems);
        String country = country(submission.country(), problems);
        String email = email(submission.email(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SignOnSettings settings = acceptingOrRefuse(publicationId);
        if (!settings.individualsAllowed()) {
            throw new SignOnRefusedException("signon.error.noIndividuals", "This statement is endorsed by organizations only.");
        }
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO endorsement (publication_id, kind, name, affiliation, country, email, language, status)
                        SELECT :publication, 'INDIVIDUAL', :name, :affiliation, :country, :email, :language, 'PENDING'
                        WHERE %s AND EXISTS (SELECT 1 FROM statement_sign_on s WHERE s.publication_id = :publication AND s.individuals_allowed)
                        ON CONFLICT DO NOTHING RETURNING id""".formatted(ACCEPTING))
                .param("publication", publicationId).param("name", name).param("affiliation", affiliation).param("country", country)
                .param("email", email).param("language", language(locale))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            acceptingOrRefuse(publicationId);
            throw new DuplicateEndorsementException("email", "signon.error.emailTwice", "Someone with this e-mail has signed already.");
        }
        Endorsement endorsement = find(id.get()).orElseThrow();
        mails.confirmIndividual(statement, endorsement);
        return endorsement;
    }

    /** The signer followed their confirmation link: their name is shown (unless staff hid it). */
    @Transactional
    public Endorsement confirm(long endorsementId) {
        jdbc.sql("""
                        UPDATE endorsement SET status = 'VERIFIED', verified_at = now()
                        WHERE id = :id AND kind = 'INDIVIDUAL' AND status = 'PENDING'""")
                .param("id", endorsementId).update();
        return find(endorsementId).filter(e -> e.kind() == EndorsementKind.INDIVIDUAL)
                .orElseThrow(() -> new NotFoundException("No such signature"));
    }

    /** Staff verify a non-member organization: approved ones are shown and their contact is told; rejected ones are not. */
    @Transactional
    public Endorsement verify(long endorsementId, boolean approve) {
        Endorsement before = find(endorsementId).filter(e -> e.kind() == EndorsementKind.ORGANIZATION)
                .orElseThrow(() -> new NotFoundException("No such organization endorsement"));
        int changed = jdbc.sql("""
                        UPDATE endorsement SET status = :status, verified_at = CASE WHEN :status = 'VERIFIED' THEN now() END
                        WHERE id = :id AND status <> :status""")
                .param("id", endorsementId).param("status", approve ? "VERIFIED" : "REJECTED").update();
        Endorsement after = find(endorsementId).orElseThrow();
        if (changed > 0) {
            audit.record(approve ? "signon.approve" : "signon.reject", "endorsement", endorsementId, before.name());
            if (approve) {
                mails.organizationApproved(publications.find(before.publicationId()).orElseThrow(), after);
            }
        }
        return after;
    }

    /** Staff hide an abusive name (or show it again); only confirmed or hidden ones can change. */
    @Transactional
    public Endorsement setHidden(long endorsementId, boolean hidden) {
        Endorsement endorsement = find(endorsementId).orElseThrow(() -> new NotFoundException("No such endorsement"));
        jdbc.sql("UPDATE endorsement SET status = :to WHERE id = :id AND status = :from")
                .param("id", endorsementId).param("to", hidden ? "HIDDEN" : "VERIFIED").param("from", hidden ? "VERIFIED" : "HIDDEN").update();
        audit.record(hidden ? "signon.hide" : "signon.show", "endorsement", endorsementId, endorsement.name());
        return find(endorsementId).orElseThrow();
    }

    public Optional<Endorsement> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM endorsement WHERE id = :id").param("id", id).query(SignOn::map).optional();
    }

    /** Shown organizations (members and verified others), newest first. */
    public List<Endorsement> shownOrganizations(long publicationId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM endorsement WHERE publication_id = :id AND status = 'VERIFIED' AND kind <> 'INDIVIDUAL'
                        ORDER BY verified_at DESC, id DESC""")
                .param("id", publicationId).query(SignOn::map).list();
    }

    public int shownIndividualCount(long publicationId) {
        return jdbc.sql("SELECT count(*) FROM endorsement WHERE publication_id = :id AND status = 'VERIFIED' AND kind = 'INDIVIDUAL'")
                .param("id", publicationId).query(Integer.class).single();
    }

    /** A page of shown individuals, newest first or by name. */
    public List<Endorsement> shownIndividuals(long publicationId, boolean byName, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM endorsement WHERE publication_id = :id AND status = 'VERIFIED' AND kind = 'INDIVIDUAL' "
                        + (byName ? "ORDER BY lower(name), id" : "ORDER BY verified_at DESC, id DESC") + " OFFSET :offset LIMIT :limit")
                .param("id", publicationId).param("offset", offset).param("limit", limit).query(SignOn::map).list();
    }

    /** Non-member organizations waiting for staff, oldest first. */
    public List<Endorsement> queue(long publicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM endorsement WHERE publication_id = :id AND kind = 'ORGANIZATION' AND status = 'PENDING' ORDER BY id")
                .param("id", publicationId).query(SignOn::map).list();
    }

    /** Every endorsement of a statement (for staff), organizations first, then by time. */
    public List<Endorsement> all(long publicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM endorsement WHERE publication_id = :id ORDER BY (kind = 'INDIVIDUAL'), created_at, id")
                .param("id", publicationId).query(SignOn::map).list();
    }

    /** The member organizations of this list that have endorsed the statement. */
    public Set<Long> endorsingMembers(long publicationId) {
        return Set.copyOf(jdbc.sql("SELECT organization_id FROM endorsement WHERE publication_id = :id AND kind = 'MEMBER'")
                .param("id", publicationId).query(Long.class).list());
    }

    private SignOnSettings acceptingOrRefuse(long publicationId) {
        SignOnSettings settings = settings(publicationId);
        Instant now = Instant.now();
        if (settings.deadlinePassed(now)) {
            throw new SignOnRefusedException("signon.error.deadline", "The deadline for this statement has passed.");
        }
        if (!settings.open()) {
            throw new SignOnRefusedException("signon.error.closed", "This statement is not open for endorsement.");
        }
        return settings;
    }

    static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    private static String country(String value, List<FieldProblem> problems) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!isCountry(code)) {
            problems.add(new FieldProblem("country", "signon.error.country", "Choose a country (ISO 3166 code)."));
        }
        return code;
    }

    private static String website(String value, List<FieldProblem> problems) {
        String url = value == null ? "" : value.strip();
        if (url.isEmpty()) {
            return null;
        }
        boolean valid = url.length() <= 300;
        if (valid) {
            try {
                URI uri = new URI(url);
                valid = ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null && uri.getHost().contains(".") && uri.getUserInfo() == null;
            } catch (URISyntaxException malformed) {
                valid = false;
            }
        }
        if (!valid) {
            problems.add(new FieldProblem("website", "signon.error.website", "Enter a web address starting with http:// or https://."));
        }
        return url;
    }

    private static String email(String value, List<FieldProblem> problems) {
        String email = value == null ? "" : value.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "signon.error.email", "Enter a valid e-mail address."));
        }
        return email;
    }

    private static String required(String value, String field, int max, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem(field, "signon.error.required", "This field is required."));
        } else if (text.length() > max) {
            problems.add(new FieldProblem(field, "signon.error.tooLong", "This is longer than " + max + " characters."));
        }
        return text;
    }

    private static String optional(String value, String field, int max, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            problems.add(new FieldProblem(field, "signon.error.tooLong", "This is longer than " + max + " characters."));
        }
        return text;
    }

    private static String language(Locale locale) {
        return locale != null && Languages.isSupported(locale.getLanguage()) ? locale.getLanguage() : Languages.DEFAULT;
    }

    static Endorsement map(ResultSet rs, int row) throws SQLException {
        return new Endorsement(rs.getLong("id"), rs.getLong("publication_id"), EndorsementKind.valueOf(rs.getString("kind")),
                rs.getObject("organization_id", Long.class), rs.getString("name"), rs.getString("affiliation"), rs.getString("country"),
                rs.getString("website"), rs.getString("contact_name"), rs.getString("email"), rs.getString("language"),
                EndorsementStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("verified_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
