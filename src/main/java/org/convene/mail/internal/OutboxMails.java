package org.convene.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the outbox. */
@Repository
public class OutboxMails {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    static final String COLUMNS = "id, recipient, subject, body_text, headers::text AS headers, status, attempts, "
            + "last_error, created_at, sent_at, next_attempt, body_html";

    private final JdbcClient jdbc;

    OutboxMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    public List<OutboxMail> page(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> map(rs)).list();
    }

    public Optional<OutboxMail> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    static OutboxMail map(ResultSet rs) throws SQLException {
        return new OutboxMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body_text"), JSON.readValue(rs.getString("headers"), HEADERS), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("next_attempt", OffsetDateTime.class),
                rs.getString("body_html"));
    }
}
