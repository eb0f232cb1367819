package org.convene.newsletter.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.convene.newsletter.NewsletterFixtures;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bounces and complaints through the webhook and the IMAP bounce mailbox (GreenMail), and the bad input the webhook refuses. */
@ConveneTest
class NewsletterBouncesTest {

    private static final String SECRET = "test-bounce-webhook-secret";

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @LocalServerPort
    int port;
    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    BounceMailbox mailbox;

    private String suppression(String email) {
        return fixtures.jdbc().sql("SELECT reason FROM suppression WHERE email = lower(:e)").param("e", email).query(String.class).optional()
                .orElse(null);
    }

    private HttpResponse<String> webhook(String body, String... headers) {
        return new NewsletterHttp(port).postJson("/api/v1/newsletter/bounces", body, headers);
    }

    private static String bounce(String email, String type) {
        return "{\"email\":\"" + email + "\",\"type\":\"" + type + "\",\"detail\":\"550 5.1.1 mailbox unknown\"}";
    }

    @Test
    void aHardBounceOrComplaintSuppressesAtOnce() {
        String hard = NewsletterFixtures.uniqueEmail("hard");
        fixtures.subscribed(hard, "en");
        HttpResponse<String> response = webhook(bounce(hard, "hard"), "X-Convene-Webhook-Secret", SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"suppressed\":true");
        assertThat(suppression(hard)).isEqualTo("HARD_BOUNCE");

        String complaint = NewsletterFixtures.uniqueEmail("complaint").toUpperCase();
        assertThat(webhook(bounce(complaint, "complaint"), "X-Convene-Webhook-Secret", SECRET).statusCode()).isEqualTo(200);
        assertThat(suppression(complaint)).isEqualTo("COMPLAINT");
    }

    @Test
    void softBouncesSuppressOnlyPastTheThresholdWithin30Days() {
        String soft = NewsletterFixtures.uniqueEmail("soft");
        // an old soft bounce does not count
        fixtures.jdbc().sql("INSERT INTO newsletter_soft_bounce (email, bounced_at) VALUES (:e, now() - interval '40 days')")
                .param("e", soft).update();
        assertThat(webhook(bounce(soft, "soft"), "X-Convene-Webhook-Secret", SECRET).body()).contains("\"suppressed\":false");
        assertThat(webhook(bounce(soft, "soft"), "X-Convene-Webhook-Secret", SECRET).body()).contains("\"suppressed\":false");
        assertThat(suppression(soft)).isNull();
        assertThat(webhook(bounce(soft, "soft"), "X-Convene-Webhook-Secret", SECRET).body()).contains("\"suppressed\":true");
        assertThat(suppression(soft)).isEqualTo("SOFT_BOUNCES");
    }

    @Test
    void anHmacSignatureAuthenticatesToo() throws Exception {
        String email = NewsletterFixtures.uniqueEmail("signed");
        String body = bounce(email, "hard");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(webhook(body, "X-Convene-Signature", signature).statusCode()).isEqualTo(200);
        assertThat(suppression(email)).isEqualTo("HARD_BOUNCE");

        String other = NewsletterFixtures.uniqueEmail("signed-wrong");
        assertThat(webhook(bounce(other, "hard"), "X-Convene-Signature", signature).statusCode()).isEqualTo(401);
        assertThat(suppression(other)).isNull();
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndChangesNothing() {
        String email = NewsletterFixtures.uniqueEmail("forged");
        for (HttpResponse<String> response : new HttpResponse[] {
                webhook(bounce(email, "hard")),
                webhook(bounce(email, "hard"), "X-Convene-Webhook-Secret", "wrong"),
                webhook(bounce(email, "hard"), "X-Convene-Webhook-Secret", SECRET + "x"),
                webhook(bounce(email, "hard"), "X-Convene-Signature", "sha256=00ff"),
                webhook(bounce(email, "hard"), "Authorization", "Bearer " + SECRET)}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        assertThat(suppression(email)).isNull();
    }

    @Test
    void aMalformedBodyIsAProblemAndChangesNothing() {
        String email = NewsletterFixtures.uniqueEmail("malformed");
        for (String body : new String[] {"{not json", "[]", "\"hard\"", "{}", "{\"email\":\"" + email + "\"}",
                "{\"email\":\"" + email + "\",\"type\":\"bounced\"}", "{\"email\":\"not an address\",\"type\":\"hard\"}",
                "{\"email\":\"" + email + "\",\"type\":\"hard\",\"detail\":{\"x\":1}}", ""}) {
            HttpResponse<String> response = webhook(body, "X-Convene-Webhook-Secret", SECRET);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body).contains("application/problem+json");
        }
        assertThat(suppression(email)).isNull();
    }

    @Test
    void theBounceMailboxIsReadOverImap() throws Exception {
        String user = "bounces-" + System.nanoTime() + "@example.org";
        mailServer.setUser(user, user, "mailbox-password");
        String hard = NewsletterFixtures.uniqueEmail("dsn-hard");
        String soft = NewsletterFixtures.uniqueEmail("dsn-soft");
        String complainer = NewsletterFixtures.uniqueEmail("arf");
        fixtures.subscribed(hard, "en");

        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", mailServer.getSmtp().getBindTo());
        smtp.put("mail.smtp.port", String.valueOf(mailServer.getSmtp().getPort()));
        Session session = Session.getInstance(smtp);
        Transport.send(parse(session, dsn(user, hard, "5.1.1", "smtp; 550 5.1.1 <" + hard + ">: Recipient address rejected")));
        Transport.send(parse(session, dsn(user, soft, "4.2.2", "smtp; 452 4.2.2 Mailbox full")));
        Transport.send(parse(session, arf(user, complainer)));
        Transport.send(parse(session, plain(user)));
        assertThat(mailServer.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 4)).isTrue();

        SubscribersProperties.BounceMailbox settings = new SubscribersProperties.BounceMailbox(mailServer.getImap().getBindTo(),
                mailServer.getImap().getPort(), false, user, "mailbox-password", "INBOX", Duration.ofMinutes(5));
        assertThat(mailbox.poll(settings)).isEqualTo(3);
        assertThat(suppression(hard)).isEqualTo("HARD_BOUNCE");
        assertThat(fixtures.jdbc().sql("SELECT detail FROM suppression WHERE email = :e").param("e", hard).query(String.class).single())
                .contains("5.1.1");
        assertThat(suppression(complainer)).isEqualTo("COMPLAINT");
        assertThat(suppression(soft)).as("one soft bounce is not enough").isNull();
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM newsletter_soft_bounce WHERE email = :e").param("e", soft).query(Integer.class).single())
                .isEqualTo(1);

        // each message is handled once: read again, nothing new is recorded
        assertThat(mailbox.poll(settings)).isZero();
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM newsletter_soft_bounce WHERE email = :e").param("e", soft).query(Integer.class).single())
                .isEqualTo(1);
        // a wrong password is logged, not thrown
        assertThat(mailbox.poll(new SubscribersProperties.BounceMailbox(settings.host(), settings.port(), false, user, "wrong", "INBOX",
                Duration.ofMinutes(5)))).isZero();
    }

    private static MimeMessage parse(Session session, String raw) throws Exception {
        return new MimeMessage(session, new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** A delivery status notification as Postfix writes it. */
    private static String dsn(String to, String recipient, String status, String diagnostic) {
        return """
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                To: %1$s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%5$s@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B-%5$s"

                This is a MIME-encapsulated message.

                --B-%5$s
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                I'm sorry to have to inform you that your message could not be delivered.

                --B-%5$s
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net
                X-Postfix-Queue-ID: 4BCD1234

                Final-Recipient: rfc822; %2$s
                Original-Recipient: rfc822;%2$s
                Action: %6$s
                Status: %3$s
                Diagnostic-Code: %4$s

                --B-%5$s
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: newsletter@convene.example.org
                To: %2$s
                Subject: Edition 3 (2026)

                --B-%5$s--
                """.formatted(to, recipient, status, diagnostic, Long.toHexString(System.nanoTime()), status.startsWith("5") ? "failed" : "delayed");
    }

    /** An abuse report in the Abuse Reporting Format (RFC 5965). */
    private static String arf(String to, String recipient) {
        return """
                From: feedback@mailbox-provider.example.com
                To: %1$s
                Subject: Complaint about a message
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="ARF-%3$s"

                --ARF-%3$s
                Content-Type: text/plain; charset=us-ascii

                This is an abuse report for a message received from you.

                --ARF-%3$s
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: ExampleFBL/1.0
                Version: 1
                Original-Rcpt-To: <%2$s>

                --ARF-%3$s
                Content-Type: message/rfc822

                From: newsletter@convene.example.org
                To: %2$s
                Subject: Edition 3 (2026)

                Dear readers
                --ARF-%3$s--
                """.formatted(to, recipient, Long.toHexString(System.nanoTime()));
    }

    private static String plain(String to) {
        return """
                From: someone@example.net
                To: %s
                Subject: Out of office

                I am away until Monday.
                """.formatted(to);
    }
}
