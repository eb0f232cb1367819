package org.convene.campaigns.footage;

import java.util.List;
import java.util.Optional;
import org.convene.campaigns.internal.FootageFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Submitted footage as its submitter sees it: finding it behind their link, and withdrawing it. */
@Component
class FootageSubmissions {

    static final String COLUMNS = "id, campaign_id, local_action_id, kind, status, stored_name, thumbnail_name, content_type, byte_size, "
            + "caption, place, credit, submitted_at";

    private final JdbcClient jdbc;
    private final FootageFiles files;

    FootageSubmissions(JdbcClient jdbc, FootageFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    Optional<SubmittedFootage> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM footage WHERE id = :id").param("id", id).query(FootageSubmissions::map).optional();
    }

    /** The footage a stored file (the file or its thumbnail) belongs to, with the organization of its action (null when none). */
    record FileOwner(SubmittedFootage footage, Long organizationId) {
    }

    Optional<FileOwner> ownerOf(String storedName) {
        return jdbc.sql("SELECT f." + COLUMNS.replace(", ", ", f.") + ", a.organization_id FROM footage f "
                        + "LEFT JOIN local_action a ON a.id = f.local_action_id WHERE f.stored_name = :name OR f.thumbnail_name = :name")
                .param("name", storedName)
                .query((rs, n) -> new FileOwner(map(rs, n), rs.getObject("organization_id", Long.class))).optional();
    }

    /** Withdraws the footage: marked WITHDRAWN (kept as a record) and its files deleted. False when it was withdrawn already. */
    @Transactional
    boolean withdraw(long id) {
        List<SubmittedFootage> withdrawn = jdbc.sql("UPDATE footage SET status = 'WITHDRAWN' WHERE id = :id AND status <> 'WITHDRAWN' RETURNING "
                + COLUMNS).param("id", id).query(FootageSubmissions::map).list();
        for (SubmittedFootage footage : withdrawn) {
            FootageUploads.deleteQuietly(files.dir().resolve(footage.storedName()));
            if (footage.thumbnailName() != null) {
                FootageUploads.deleteQuietly(files.dir().resolve(footage.thumbnailName()));
            }
        }
        return !withdrawn.isEmpty();
    }

    static SubmittedFootage map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SubmittedFootage(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("local_action_id", Long.class),
                rs.getString("kind"), rs.getString("status"), rs.getString("stored_name"), rs.getString("thumbnail_name"),
                rs.getString("content_type"), rs.getLong("byte_size"), rs.getString("caption"), rs.getString("place"),
                rs.getString("credit"), rs.getObject("submitted_at", java.time.OffsetDateTime.class).toInstant());
    }
}
