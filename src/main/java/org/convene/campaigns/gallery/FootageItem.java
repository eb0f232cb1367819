package org.convene.campaigns.gallery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A piece of footage as moderation, the gallery, the compilation and the report see it, with the
 * local action it was sent for (if any).
 *
 * @param organizationId the organization that organizes the action; null without an action
 */
public record FootageItem(long id, long campaignId, Long actionId, String kind, String status, boolean featured,
                          String storedName, String thumbnailName, String contentType, long byteSize, Integer width,
                          Integer height, String caption, String place, String credit, String flaggedReason,
                          Instant submittedAt, Instant moderatedAt, String actionTitle, String actionType,
                          String actionCountry, Long organizationId) {

    static final String SELECT = """
            SELECT f.id, f.campaign_id, f.local_action_id, f.kind, f.status, f.featured, f.stored_name, f.thumbnail_name,
                   f.content_type, f.byte_size, f.width, f.height, f.caption, f.place, f.credit, f.flagged_reason,
                   f.submitted_at, f.moderated_at, a.title AS action_title, a.action_type, a.country AS action_country,
                   a.organization_id
              FROM footage f LEFT JOIN local_action a ON a.id = f.local_action_id
            """;

    public boolean isVideo() {
        return "VIDEO".equals(kind);
    }

    public boolean isPending() {
        return "PENDING".equals(status);
    }

    public boolean isApproved() {
        return "APPROVED".equals(status);
    }

    /** The file's extension, from the name the server gave it. */
    public String extension() {
        int dot = storedName.lastIndexOf('.');
        return dot < 0 ? "bin" : storedName.substring(dot + 1);
    }

    static FootageItem map(ResultSet rs, int row) throws SQLException {
        return new FootageItem(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("local_action_id", Long.class),
                rs.getString("kind"), rs.getString("status"), rs.getBoolean("featured"), rs.getString("stored_name"),
                rs.getString("thumbnail_name"), rs.getString("content_type"), rs.getLong("byte_size"),
                rs.getObject("width", Integer.class), rs.getObject("height", Integer.class), rs.getString("caption"),
                rs.getString("place"), rs.getString("credit"), rs.getString("flagged_reason"),
                rs.getObject("submitted_at", java.time.OffsetDateTime.class).toInstant(),
                instant(rs.getObject("moderated_at", java.time.OffsetDateTime.class)), rs.getString("action_title"),
                rs.getString("action_type"), rs.getString("action_country"), rs.getObject("organization_id", Long.class));
    }

    private static Instant instant(java.time.OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
