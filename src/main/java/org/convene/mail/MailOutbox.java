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
        return jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, body_text, headers, status)
                        VALUES (:to, :subject, :text, CAST(:headers AS jsonb), :status) RETURNING id""")
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("headers", JSON.writeValueAsString(mail.headers()))
                .param("status", smtp.getIfAvailable() == null ? "HELD" : "QUEUED")
                .query(Long.class).single();
    }
}
