package org.convene.campaigns.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.convene.accounts.AuditLog;
import org.convene.accounts.StaffMember;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.directory.MemberDirectory;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.convene.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, changes, withdraws and moderates the local actions of campaigns. Every input is
 * checked before the one transaction that writes it; every change bumps the campaign's map version
 * in that transaction (see {@link ActionMap}).
 */
@Service
public class LocalActions {

    static final String COLUMNS = """
            id, campaign_id, organization_id, action_type, title, description, starts_at, time_zone, city, country, address,
            address_public, latitude, longitude, position_precision, contact_name, contact_email, visibility, status,
            confirmed, proposer_email, language""";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Countries countries;
    private final ActionMails mails;
    private final AuditLog audit;
    private final MemberDirectory directory;

    LocalActions(JdbcClient jdbc, Campaigns campaigns, Countries countries, ActionMails mails, AuditLog audit, MemberDirectory directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.countries = countries;
        this.mails = mails;
        this.audit = audit;
    }

    /** Staff register an action for their organization (network admins for any): published at once. */
    @Transactional
    public LocalAction register(Campaign campaign, ActionDraft draft, StaffMember staff) {
        requireMayOrganize(staff, draft.organizationId());
        List<FieldProblem> problems = new ArrayList<>();
        requireOpen(campaign, problems);
        Checked checked = check(campaign, draft, false, problems);
        long id = insert(campaign, draft, checked, LocalAction.Status.PUBLISHED, true, null, staff.id());
        bump(campaign.id());
        audit.record("local-action.create", "local_action", id, draft.title());
        return find(id).orElseThrow();
    }

    /**
     * A supporter proposes an action: stored unconfirmed, with a confirmation mail to the e-mail they
     * gave. Only once confirmed does it reach the moderation list.
     */
    @Transactional
    public LocalAction propose(Campaign campaign, ActionDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        requireOpen(campaign, problems);
        ActionDraft proposal = new ActionDraft(draft.type(), draft.title(), draft.description(), draft.startsAt(), draft.timeZone(),
                draft.city(), draft.country(), draft.address(), draft.addressPublic(), draft.latitude(), draft.longitude(),
                draft.organizationId(), draft.contactName(), draft.contactEmail(), LocalAction.Visibility.PUBLIC, draft.language());
        Checked checked = check(campaign, proposal, true, problems);
        long id = insert(campaign, proposal, checked, LocalAction.Status.PROPOSED, false, proposal.contactEmail().strip(), null);
        LocalAction action = find(id).orElseThrow();
        mails.confirmProposal(campaign, action);
        return action;
    }

    /** The proposer opened the link in the mail: the proposal goes to the moderation list (once). */
    @Transactional
    public Optional<LocalAction> confirm(long id) {
        jdbc.sql("UPDATE local_action SET confirmed = true, updated_at = now() WHERE id = :id AND status = 'PROPOSED' AND NOT confirmed")
                .param("id", id).update();
        return find(id);
    }

    @Transactional
    public LocalAction update(long id, ActionDraft draft, StaffMember staff) {
        LocalAction current = find(id).filter(a -> a.status() != LocalAction.Status.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("No such action"));
        requireMayOrganize(staff, current.organizationId());
        requireMayOrganize(staff, draft.organizationId());
        Campaign campaign = campaigns.find(current.campaignId()).orElseThrow();
        Checked checked = check(campaign, draft, false, new ArrayList<>());
        jdbc.sql("""
                        UPDATE local_action SET organization_id = :organization, action_type = :type, title = :title,
                            description = :description, starts_at = :starts, time_zone = :zone, city = :city, country = :country,
                            address = :address, address_public = :addressPublic, latitude = :lat, longitude = :lon,
                            position_precision = :precision, contact_name = :contactName, contact_email = :contactEmail,
                            visibility = :visibility, updated_at = now()
                        WHERE id = :id""")
                .params(values(draft, checked)).param("id", id).update();
        bump(campaign.id());
        audit.record("local-action.update", "local_action", id, draft.title());
        return find(id).orElseThrow();
    }

    @Transactional
    public void withdraw(long id, StaffMember staff) {
        LocalAction current = find(id).orElseThrow(() -> new NotFoundException("No such action"));
        requireMayOrganize(staff, current.organizationId());
        jdbc.sql("UPDATE local_action SET status = 'WITHDRAWN', updated_at = now() WHERE id = :id").param("id", id).update();
        bump(current.campaignId());
        audit.record("local-action.withdraw", "local_action", id, current.title());
    }

    /** Publishes or rejects a confirmed proposal and tells the proposer; false when it is no (longer a) proposal. */
    @Transactional
    public boolean moderate(long id, boolean approve, StaffMember staff) {
        LocalAction proposal = find(id).filter(a -> a.status() == LocalAction.Status.PROPOSED && a.confirmed())
                .orElse(null);
        if (proposal == null) {
            return false;
        }
        if (!mayModerate(staff, proposal)) {
            throw new AccessDeniedException("Not a moderator of this proposal");
        }
        int changed = jdbc.sql("""
                        UPDATE local_action SET status = :status, moderated_at = now(), moderated_by = :staff, updated_at = now()
                        WHERE id = :id AND status = 'PROPOSED' AND confirmed""")
                .param("status", approve ? "PUBLISHED" : "REJECTED").param("staff", staff.id()).param("id", id).update();
        if (changed == 0) {
            return false;
        }
        Campaign campaign = campaigns.find(proposal.campaignId()).orElseThrow();
        bump(campaign.id());
        audit.record(approve ? "local-action.approve" : "local-action.reject", "local_action", id, proposal.title());
        mails.moderated(campaign, find(id).orElseThrow(), approve);
        return true;
    }

    /** Network admins moderate every proposal; staff of a member organization those that name it. */
    public static boolean mayModerate(StaffMember staff, LocalAction proposal) {
        return staff.isNetworkAdmin() || (proposal.organizationId() != null && staff.canEditOrganization(proposal.organizationId()));
    }

    public static boolean mayOrganize(StaffMember staff, Long organizationId) {
        return organizationId == null ? staff.isNetworkAdmin() : staff.canEditOrganization(organizationId);
    }

    public Optional<LocalAction> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM local_action WHERE id = :id").param("id", id).query(LocalActions::map).optional();
    }

    /** The actions staff may change in a campaign (all for network admins), withdrawn ones left out. */
    public List<LocalAction> editableBy(long campaignId, StaffMember staff) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                         FROM local_action WHERE campaign_id = :campaign AND status IN ('PUBLISHED', 'PROPOSED')
                         AND (:all OR organization_id = :organization) AND (status = 'PUBLISHED' OR confirmed)
                        ORDER BY starts_at, id""")
                .param("campaign", campaignId).param("all", staff.isNetworkAdmin())
                .param("organization", staff.organizationId() == null ? -1L : staff.organizationId())
                .query(LocalActions::map).list();
    }

    /** Confirmed proposals waiting for this staff member, oldest first. */
    public List<LocalAction> proposals(long campaignId, StaffMember staff) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                         FROM local_action WHERE campaign_id = :campaign AND status = 'PROPOSED' AND confirmed
                         AND (:all OR organization_id = :organization) ORDER BY created_at, id""")
                .param("campaign", campaignId).param("all", staff.isNetworkAdmin())
                .param("organization", staff.organizationId() == null ? -1L : staff.organizationId())
                .query(LocalActions::map).list();
    }

    /** One page of the published public actions, by start time; {@code size + 1} rows tell whether another page follows. */
    public List<LocalAction> publicPage(long campaignId, ActionFilter filter, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM local_action WHERE campaign_id = :campaign AND status = 'PUBLISHED' AND visibility = 'PUBLIC'"
                        + filter.sql() + " ORDER BY starts_at, id LIMIT :limit OFFSET :offset")
                .param("campaign", campaignId).params(filter.params())
                .param("limit", size + 1).param("offset", (long) (page - 1) * size)
                .query(LocalActions::map).list();
    }

    private void requireMayOrganize(StaffMember staff, Long organizationId) {
        if (!mayOrganize(staff, organizationId)) {
            throw new AccessDeniedException("May not organize for this organization");
        }
    }

    private static void requireOpen(Campaign campaign, List<FieldProblem> problems) {
        if (campaign.status() != CampaignStatus.OPEN) {
            problems.add(new FieldProblem("campaign", "campaigns.actions.error.not-open",
                    "This campaign does not take actions: it is not open."));
        }
    }

    private record Checked(Instant startsAt, ZoneId zone, String country, double latitude, double longitude,
                           LocalAction.PositionPrecision precision) {
    }

    /** Every problem of the draft at once (and those found before), or the values to store. */
    private Checked check(Campaign campaign, ActionDraft draft, boolean proposal, List<FieldProblem> problems) {
        if (draft.type() == null) {
            problems.add(new FieldProblem("type", "campaigns.actions.error.type", "Choose the type of action."));
        }
        if (draft.title() == null || draft.title().isBlank()) {
            problems.add(new FieldProblem("title", "campaigns.actions.error.title", "A title is required."));
        } else if (draft.title().strip().length() > 200) {
            problems.add(new FieldProblem("title", "campaigns.actions.error.title-long", "The title can have at most 200 characters."));
        }
        if (draft.description() != null && draft.description().length() > 5000) {
            problems.add(new FieldProblem("description", "campaigns.actions.error.description-long", "The description can have at most 5,000 characters."));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(draft.timeZone() == null ? "" : draft.timeZone().strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "campaigns.actions.error.time-zone", "Choose a time zone from the list."));
        }
        Instant starts = null;
        if (draft.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "campaigns.actions.error.starts", "The date and time are required."));
        } else if (zone != null) {
            starts = draft.startsAt().atZone(zone).toInstant();
            // a day of action where the action takes place, or in the campaign's own time zone
            if (!campaign.isDayOfAction(draft.startsAt().toLocalDate()) && !campaign.isDayOfAction(starts.atZone(campaign.zone()).toLocalDate())) {
                problems.add(new FieldProblem("startsAt", "campaigns.actions.error.not-a-day-of-action",
                        "The action must take place on a day of action of the campaign."));
            }
        }
        String country = countries.code(draft.country()).orElse(null);
        if (country == null) {
            problems.add(new FieldProblem("country", "campaigns.actions.error.country", "Choose a country from the list."));
        }
        if (draft.city() != null && draft.city().length() > 200) {
            problems.add(new FieldProblem("city", "campaigns.actions.error.city-long", "The city can have at most 200 characters."));
        }
        if (draft.address() != null && draft.address().length() > 500) {
            problems.add(new FieldProblem("address", "campaigns.actions.error.address-long", "The address can have at most 500 characters."));
        }
        Double lat = draft.latitude();
        Double lon = draft.longitude();
        if ((lat == null) != (lon == null)) {
            problems.add(new FieldProblem(lat == null ? "latitude" : "longitude", "campaigns.actions.error.position-pair",
                    "Give both the latitude and the longitude, or neither."));
        }
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
            problems.add(new FieldProblem("latitude", "campaigns.actions.error.latitude", "The latitude must be between -90 and 90."));
        }
        if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
            problems.add(new FieldProblem("longitude", "campaigns.actions.error.longitude", "The longitude must be between -180 and 180."));
        }
        if (draft.organizationId() != null && directory.organization(draft.organizationId()).isEmpty()) {
            problems.add(new FieldProblem("organizationId", "campaigns.actions.error.organization", "Choose a member organization from the list."));
        }
        String email = draft.contactEmail() == null ? "" : draft.contactEmail().strip();
        if (proposal && email.isEmpty()) {
            problems.add(new FieldProblem("contactEmail", "campaigns.actions.error.email-required", "Your e-mail address is required, to confirm the proposal."));
        } else if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("contactEmail", "campaigns.actions.error.email", "Enter an e-mail address like name@example.org."));
        }
        if (draft.contactName() != null && draft.contactName().length() > 200) {
            problems.add(new FieldProblem("contactName", "campaigns.actions.error.name-long", "The name can have at most 200 characters."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (lat != null) {
            return new Checked(starts, zone, country, lat, lon, LocalAction.PositionPrecision.EXACT);
        }
        Countries.Position centre = countries.centre(country);
        return new Checked(starts, zone, country, centre.latitude(), centre.longitude(), LocalAction.PositionPrecision.COUNTRY);
    }

    private long insert(Campaign campaign, ActionDraft draft, Checked checked, LocalAction.Status status, boolean confirmed,
                        String proposerEmail, Long createdBy) {
        return jdbc.sql("""
                        INSERT INTO local_action (campaign_id, organization_id, action_type, title, description, starts_at, time_zone,
                            city, country, address, address_public, latitude, longitude, position_precision, contact_name,
                            contact_email, visibility, status, confirmed, proposer_email, language, created_by)
                        VALUES (:campaign, :organization, :type, :title, :description, :starts, :zone, :city, :country, :address,
                            :addressPublic, :lat, :lon, :precision, :contactName, :contactEmail, :visibility, :status, :confirmed,
                            :proposer, :language, :createdBy)
                        RETURNING id""")
                .params(values(draft, checked))
                .param("campaign", campaign.id()).param("status", status.name()).param("confirmed", confirmed)
                .param("proposer", proposerEmail).param("createdBy", createdBy)
                .param("language", draft.language() == null || draft.language().isBlank() ? "en" : draft.language())
                .query(Long.class).single();
    }

    private static java.util.Map<String, Object> values(ActionDraft draft, Checked checked) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("organization", draft.organizationId());
        values.put("type", draft.type().name());
        values.put("title", draft.title().strip());
        values.put("description", draft.description() == null ? "" : draft.description().strip());
        values.put("starts", java.sql.Timestamp.from(checked.startsAt()));
        values.put("zone", checked.zone().getId());
        values.put("city", blankToNull(draft.city()));
        values.put("country", checked.country());
        values.put("address", blankToNull(draft.address()));
        values.put("addressPublic", draft.addressPublic());
        values.put("lat", checked.latitude());
        values.put("lon", checked.longitude());
        values.put("precision", checked.precision().name());
        values.put("contactName", blankToNull(draft.contactName()));
        values.put("contactEmail", blankToNull(draft.contactEmail()));
        values.put("visibility", (draft.visibility() == null ? LocalAction.Visibility.PUBLIC : draft.visibility()).name());
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A new map version for the campaign, in the caller's transaction. */
    private void bump(long campaignId) {
        jdbc.sql("""
                        INSERT INTO local_action_map_version (campaign_id, version) VALUES (:campaign, 1)
                        ON CONFLICT (campaign_id) DO UPDATE SET version = local_action_map_version.version + 1""")
                .param("campaign", campaignId).update();
    }

    static LocalAction map(ResultSet rs, int row) throws SQLException {
        long organization = rs.getLong("organization_id");
        Long organizationId = rs.wasNull() ? null : organization;
        double lat = rs.getDouble("latitude");
        Double latitude = rs.wasNull() ? null : lat;
        double lon = rs.getDouble("longitude");
        Double longitude = rs.wasNull() ? null : lon;
        return new LocalAction(rs.getLong("id"), rs.getLong("campaign_id"), organizationId, ActionType.valueOf(rs.getString("action_type")),
                rs.getString("title"), rs.getString("description"), rs.getTimestamp("starts_at").toInstant(),
                ZoneId.of(rs.getString("time_zone")), rs.getString("city"), rs.getString("country"), rs.getString("address"),
                rs.getBoolean("address_public"), latitude, longitude,
                LocalAction.PositionPrecision.valueOf(rs.getString("position_precision")), rs.getString("contact_name"),
                rs.getString("contact_email"), LocalAction.Visibility.valueOf(rs.getString("visibility")),
                LocalAction.Status.valueOf(rs.getString("status")), rs.getBoolean("confirmed"), rs.getString("proposer_email"),
                rs.getString("language"));
    }
}
