package org.convene.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail. Call it inside the transaction that causes the mail: if that transaction rolls
 * back, the mail is never sent; if it commits, the mail is delivered even after a crash.
 */
@Service
public class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long queue(OutgoingMail mail) {
        return jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, body_text, headers)
                        VALUES (:to, :subject, :text, CAST(:headers AS jsonb)) RETURNING id""")
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("headers", tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(mail.headers()))
                .query(Long.class).single();
    }
}
