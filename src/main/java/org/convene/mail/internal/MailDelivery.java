package org.convene.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mails by SMTP. Each mail is claimed with {@code FOR UPDATE SKIP LOCKED} and its row
 * stays locked until it is marked sent (or its failure recorded) in the same transaction, so two
 * delivery runs, on one node or on several, never send the same mail twice. A failed mail is
 * tried again after {@code retry-delay}, doubling each time, until {@code max-attempts}.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailProperties properties;

    MailDelivery(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.smtp = smtp;
        this.properties = properties;
    }

    /** Whether an SMTP server is configured; without one, mails are held for the Outbox page. */
    public boolean smtpConfigured() {
        return smtp.getIfAvailable() != null;
    }

    /** Sends the mails that are due, at most one batch; returns how many were sent. */
    public int deliverDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < properties.batchSize(); i++) {
            Boolean result = transactions.execute(tx -> deliverOne(sender));
            if (result == null) {
                break;
            }
            if (result) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims one due mail and tries to send it; null when none is due. */
    private Boolean deliverOne(JavaMailSender sender) {
        OutboxMail mail = jdbc.sql("SELECT " + OutboxMails.COLUMNS + """
                         FROM mail_outbox WHERE status = 'QUEUED' AND next_attempt <= now()
                        ORDER BY next_attempt, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .query((rs, n) -> OutboxMails.map(rs)).optional().orElse(null);
        if (mail == null) {
            return null;
        }
        try {
            sender.send(message(sender, mail));
            jdbc.sql("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = :id")
                    .param("id", mail.id()).update();
            return true;
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            int attempts = mail.attempts() + 1;
            boolean giveUp = attempts >= properties.maxAttempts();
            String error = describe(e);
            log.warn("Mail {} not delivered (attempt {} of {}): {}", mail.id(), attempts, properties.maxAttempts(), error);
            jdbc.sql("""
                            UPDATE mail_outbox SET attempts = :attempts, last_error = :error, status = :status,
                                   next_attempt = now() + make_interval(secs => :delaySeconds)
                            WHERE id = :id""")
                    .param("attempts", attempts).param("error", error).param("status", giveUp ? "FAILED" : "QUEUED")
                    .param("delaySeconds", retryDelay(properties.retryDelay(), attempts).toMillis() / 1000.0)
                    .param("id", mail.id()).update();
            return false;
        }
    }

    private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        List<Object[]> files = jdbc.sql("SELECT file_name, content_type, content FROM mail_attachment WHERE mail_id = :id ORDER BY position")
                .param("id", mail.id()).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)}).list();
        MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty() || mail.html() != null, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        if (mail.html() != null) {
            helper.setText(mail.text(), mail.html());
        } else {
            helper.setText(mail.text(), false);
        }
        for (Object[] file : files) {
            helper.addAttachment((String) file[0], new org.springframework.core.io.ByteArrayResource((byte[]) file[2]), (String) file[1]);
        }
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2,
                    MimeUtility.encodeText(header.getValue(), "UTF-8", null)));
        }
        return message;
    }

    /** The wait after the given number of failed attempts: the base delay, doubled after each further failure. */
    public static Duration retryDelay(Duration base, int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        return base.multipliedBy(1L << doublings);
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
