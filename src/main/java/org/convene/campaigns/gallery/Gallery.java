package org.convene.campaigns.gallery;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The public side of footage: only approved footage, featured first, then the newest. */
@Service
public class Gallery {

    public static final int PAGE_SIZE = 24;
    public static final int STRIP_SIZE = 8;

    /** One page of the gallery; {@code number} counts from 1. */
    public record Page(List<FootageItem> items, int number, int pages, long total) {
        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    /** An action that has approved footage, for the gallery's filter. */
    public record ActionOption(long id, String title, String country) {
    }

    private static final String APPROVED = " WHERE f.campaign_id = :campaign AND f.status = 'APPROVED'"
            + " AND (CAST(:action AS BIGINT) IS NULL OR f.local_action_id = :action)";
    private static final String ORDER = " ORDER BY f.featured DESC, f.submitted_at DESC, f.id DESC";

    private final JdbcClient jdbc;

    Gallery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of approved footage (pages past the last show the last), optionally of one action only. */
    public Page page(long campaignId, Long actionId, int requested, int size) {
        long total = jdbc.sql("SELECT count(*) FROM footage f" + APPROVED).param("campaign", campaignId).param("action", actionId)
                .query(Long.class).single();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int number = Math.min(Math.max(1, requested), pages);
        List<FootageItem> items = jdbc.sql(FootageItem.SELECT + APPROVED + ORDER + " LIMIT :limit OFFSET :offset")
                .param("campaign", campaignId).param("action", actionId)
                .param("limit", size).param("offset", (long) (number - 1) * size)
                .query(FootageItem::map).list();
        return new Page(items, number, pages, total);
    }

    /** The featured and newest approved footage, for the strip on the campaign page. */
    public List<FootageItem> strip(long campaignId) {
        return page(campaignId, null, 1, STRIP_SIZE).items();
    }

    /** One approved piece of footage of this campaign; empty for anything else. */
    public Optional<FootageItem> approved(long campaignId, long footageId) {
        return jdbc.sql(FootageItem.SELECT + APPROVED + " AND f.id = :id")
                .param("campaign", campaignId).param("action", null).param("id", footageId)
                .query(FootageItem::map).optional();
    }

    /** All approved footage of a campaign in gallery order (for the compilation and the report). */
    public List<FootageItem> allApproved(long campaignId) {
        return jdbc.sql(FootageItem.SELECT + APPROVED + ORDER).param("campaign", campaignId).param("action", null)
                .query(FootageItem::map).list();
    }

    /** The actions with approved footage, by title. */
    public List<ActionOption> actionsWithFootage(long campaignId) {
        return jdbc.sql("""
                        SELECT DISTINCT a.id, a.title, a.country FROM footage f JOIN local_action a ON a.id = f.local_action_id
                         WHERE f.campaign_id = :campaign AND f.status = 'APPROVED' ORDER BY a.title, a.id""")
                .param("campaign", campaignId)
                .query((rs, row) -> new ActionOption(rs.getLong("id"), rs.getString("title"), rs.getString("country"))).list();
    }
}
