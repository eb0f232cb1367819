package org.convene.campaigns.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convene.accounts.AuditLog;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.campaigns.internal.FootageFiles;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The moderation queue: network admins moderate all footage of a campaign, staff of a member
 * organization the footage sent for their organization's actions. Rejecting keeps the row (for the
 * record and the submitter's page) and deletes the files as soon as the change is committed.
 */
@Service
public class FootageModeration {

    public enum Decision {
        APPROVE, REJECT, FEATURE, UNFEATURE, EDIT
    }

    /** New caption, credit and place; a null field is left as it is. */
    public record Edits(String caption, String credit, String place) implements java.io.Serializable {
        public static final Edits NONE = new Edits(null, null, null);
    }

    /** A decision the footage's state does not allow (withdrawn by its submitter, or rejected and its files gone). */
    public static class ConflictException extends RuntimeException {
        private final String code;

        ConflictException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static final int CAPTION_MAX = 500;
    public static final int CREDIT_MAX = 200;
    public static final int PLACE_MAX = 200;
    public static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED", "WITHDRAWN");
    private static final Logger log = LoggerFactory.getLogger(FootageModeration.class);
    private static final int QUEUE_LIMIT = 200;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final FootageFiles files;

    FootageModeration(JdbcClient jdbc, AuditLog audit, FootageFiles files) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.files = files;
    }

    /**
     * The footage of a campaign this staff member may moderate, in one status (null for all: pending
     * first), oldest first; at most 200.
     */
    public List<FootageItem> queue(long campaignId, String status, StaffMember staff) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "gallery.error.status", "Unknown status: use PENDING, APPROVED, REJECTED or WITHDRAWN.");
        }
        return jdbc.sql(FootageItem.SELECT + """
                         WHERE f.campaign_id = :campaign
                           AND (CAST(:status AS TEXT) IS NULL OR f.status = :status)
                           AND (:all OR a.organization_id = :organization)
                         ORDER BY (f.status = 'PENDING') DESC, f.submitted_at, f.id
                         LIMIT :limit""")
                .param("campaign", campaignId).param("status", status)
                .param("all", staff.isNetworkAdmin()).param("organization", staff.organizationId())
                .param("limit", QUEUE_LIMIT)
                .query(FootageItem::map).list();
    }

    public Optional<FootageItem> find(long id) {
        return jdbc.sql(FootageItem.SELECT + " WHERE f.id = :id").param("id", id).query(FootageItem::map).optional();
    }

    /** Network admins moderate anything; organization staff the footage of their organization's actions. */
    public static boolean mayModerate(StaffMember staff, FootageItem footage) {
        return staff.isNetworkAdmin()
                || (staff.organizationId() != null && staff.organizationId().equals(footage.organizationId()));
    }

    /** Reads a decision as written in a form or the API ({@code approve}, {@code reject}, ...). */
    public static Decision decision(String value) {
        if (value != null) {
            try {
                return Decision.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // answered below
            }
        }
        throw new InvalidInputException("decision", "gallery.error.decision",
                "Unknown decision: use approve, reject, feature, unfeature or edit.");
    }

    /**
     * Applies a decision and any edits in one transaction, after the checks.
     *
     * @param campaignId the campaign the caller believes the footage belongs to; null to skip that check
     */
    @Transactional
    public FootageItem moderate(long footageId, Long campaignId, String decisionValue, Edits edits) {
        Decision decision = decision(decisionValue);
        Edits checked = check(edits == null ? Edits.NONE : edits);
        FootageItem footage = jdbc.sql(FootageItem.SELECT + " WHERE f.id = :id FOR UPDATE OF f").param("id", footageId)
                .query(FootageItem::map).optional().orElseThrow(() -> new NotFoundException("No such footage"));
        if (campaignId != null && footage.campaignId() != campaignId) {
            throw new InvalidInputException("campaignId", "gallery.error.other-campaign", "This footage belongs to another campaign.");
        }
        if ("WITHDRAWN".equals(footage.status())) {
            throw new ConflictException("gallery.conflict.withdrawn", "The submitter withdrew this footage; it cannot be moderated.");
        }
        if ("REJECTED".equals(footage.status()) && decision != Decision.REJECT) {
            throw new ConflictException("gallery.conflict.rejected", "This footage was rejected and its files deleted; it cannot be changed.");
        }
        String status = switch (decision) {
            case APPROVE, FEATURE -> "APPROVED";
            case REJECT -> "REJECTED";
            case UNFEATURE, EDIT -> footage.status();
        };
        boolean featured = switch (decision) {
            case FEATURE -> true;
            case UNFEATURE, REJECT -> false;
            default -> footage.featured();
        };
        StaffMember staff = CurrentStaff.get().orElse(null);
        jdbc.sql("""
                        UPDATE footage SET status = :status, featured = :featured,
                               caption = coalesce(:caption, caption), credit = coalesce(:credit, credit), place = coalesce(:place, place),
                               moderated_at = now(), moderated_by = :by
                         WHERE id = :id""")
                .param("status", status).param("featured", featured)
                .param("caption", checked.caption()).param("credit", checked.credit()).param("place", checked.place())
                .param("by", staff == null ? null : staff.id()).param("id", footageId)
                .update();
        audit.record("footage." + decision.name().toLowerCase(Locale.ROOT), "footage", footageId,
                footage.status() + " -> " + status + (featured ? ", featured" : ""));
        if (decision == Decision.REJECT && !"REJECTED".equals(footage.status())) {
            deleteFilesAfterCommit(footage);
        }
        return find(footageId).orElseThrow();
    }

    private static Edits check(Edits edits) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String caption = strip(edits.caption());
        String credit = strip(edits.credit());
        String place = strip(edits.place());
        if (caption != null && caption.length() > CAPTION_MAX) {
            problems.add(new InvalidInputException.FieldProblem("caption", "gallery.error.caption-long",
                    "The caption is too long (at most " + CAPTION_MAX + " characters)."));
        }
        if (credit != null && credit.length() > CREDIT_MAX) {
            problems.add(new InvalidInputException.FieldProblem("credit", "gallery.error.credit-long",
                    "The credit is too long (at most " + CREDIT_MAX + " characters)."));
        }
        if (place != null && place.length() > PLACE_MAX) {
            problems.add(new InvalidInputException.FieldProblem("place", "gallery.error.place-long",
                    "The place is too long (at most " + PLACE_MAX + " characters)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Edits(caption, credit, place);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private void deleteFilesAfterCommit(FootageItem footage) {
        Runnable delete = () -> {
            for (String name : new String[] {footage.storedName(), footage.thumbnailName()}) {
                files.find(name).ifPresent(file -> {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        log.warn("Could not delete the file of rejected footage {}: {}", footage.id(), e.getMessage());
                    }
                });
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delete.run();
                }
            });
        } else {
            delete.run();
        }
    }
}
