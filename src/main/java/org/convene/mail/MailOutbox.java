package org.convene.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues mail. Call it inside the transaction that causes the mail: if that transaction rolls
 * back, the mail is never sent; if it commits, the mail is delivered even after a crash. When no
 * SMTP server is configured ({@code spring.mail.host}), the mail is held for network admins to
 * read on the Outbox page instead.
 */
@Service
public class MailOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> smtp;

    MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp) {
        this.jdbc = jdbc;
        this.smtp = smtp;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long queue(OutgoingMail mail) {
        if (!mail.attachments().isEmpty()) {
            return queueWithAttachments(mail);
        }
        return jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, body_text, body_html, headers, status)
                        VALUES (:to, :subject, :text, :html, CAST(:headers AS jsonb), :status) RETURNING id""")
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("headers", JSON.writeValueAsString(mail.headers()))
                .param("status", smtp.getIfAvailable() == null ? "HELD" : "QUEUED")
                .query(Long.class).single();
    }

    /** The mail and its attachments in one statement (no extra round trip per file). */
    private long queueWithAttachments(OutgoingMail mail) {
        StringBuilder files = new StringBuilder();
        var statement = new java.util.HashMap<String, Object>();
        for (int i = 0; i < mail.attachments().size(); i++) {
            OutgoingMail.Attachment file = mail.attachments().get(i);
            files.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", CAST(:name").append(i)
                    .append(" AS text), CAST(:type").append(i).append(" AS text), CAST(:content").append(i).append(" AS bytea)");
            statement.put("name" + i, file.fileName());
            statement.put("type" + i, file.contentType());
            statement.put("content" + i, file.content());
        }
        String sql = """
                WITH mail AS (
                    INSERT INTO mail_outbox (recipient, subject, body_text, body_html, headers, status)
                    VALUES (:to, :subject, :text, CAST(:html AS text), CAST(:headers AS jsonb), :status) RETURNING id),
                files AS (
                    INSERT INTO mail_attachment (mail_id, position, file_name, content_type, content)
                    SELECT mail.id, f.* FROM mail, (%s) f)
                SELECT id FROM mail""".formatted(files);
        return jdbc.sql(sql)
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("headers", JSON.writeValueAsString(mail.headers()))
                .param("status", smtp.getIfAvailable() == null ? "HELD" : "QUEUED")
                .params(statement)
                .query(Long.class).single();
    }
}
