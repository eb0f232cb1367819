package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.convene.mail.internal.MailDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery by SMTP to a real SMTP server (GreenMail) in the test JVM, on a database of its own:
 * the delivery job sends queued mail with its headers, retries failures with growing delays until
 * it gives up, never sends a rolled-back mail and never sends a mail twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "convene.database.embedded.data-dir=target/test-postgres-mail",
        "spring.mail.host=127.0.0.1",
        "convene.mail.from=Harbour Network <office@example.org>",
        "convene.mail.max-attempts=3",
        "convene.mail.retry-delay=100ms",
        "convene.mail.delivery-interval=1s",
        "convene.jobs.polling-interval=500ms"})
@ActiveProfiles("test")
class MailDeliveryTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtpServer = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDelivery delivery;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDeliveryJobSendsQueuedMailWithItsHeaders() throws Exception {
        String recipient = unique("delivered");
        long id = queue(new OutgoingMail(recipient, "Agenda of the Lakeside Assembly", "Dear member,\nthe agenda is attached.",
                Map.of("List-Unsubscribe", "<https://convene.example/unsubscribe/x1>", "X-Convene-Kind", "agenda")));
        assertThat(status(id)).isEqualTo("QUEUED");

        waitUntil(() -> !received(recipient).isEmpty(), Duration.ofSeconds(20));
        List<MimeMessage> messages = received(recipient);
        assertThat(messages).hasSize(1);
        MimeMessage message = messages.getFirst();
        assertThat(message.getSubject()).isEqualTo("Agenda of the Lakeside Assembly");
        assertThat(GreenMailUtil.getBody(message)).contains("the agenda is attached.");
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<https://convene.example/unsubscribe/x1>");
        assertThat(message.getHeader("X-Convene-Kind")).containsExactly("agenda");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Harbour Network <office@example.org>");
        waitUntil(() -> status(id).equals("SENT"), Duration.ofSeconds(5));
        assertThat(status(id)).isEqualTo("SENT");
    }

    @Test
    void attachmentsTravelWithTheMail() throws Exception {
        String recipient = unique("ticket");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        long id = queue(new OutgoingMail(recipient, "Your ticket", "Show the attached code at the door.", Map.of(),
                List.of(new OutgoingMail.Attachment("ticket-ABCD-EFGH-JK.png", "image/png", png))));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_attachment WHERE mail_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);

        waitUntil(() -> !received(recipient).isEmpty(), Duration.ofSeconds(20));
        MimeMessage message = received(recipient).getFirst();
        var multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        assertThat(GreenMailUtil.getBody(multipart.getBodyPart(0))).contains("Show the attached code at the door.");
        var file = multipart.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("ticket-ABCD-EFGH-JK.png");
        assertThat(file.getContentType()).startsWith("image/png");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(png);
        assertThatThrownBy(() -> new OutgoingMail.Attachment("../etc/passwd", "text/plain", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingServerLeadsToRetriesAndFinallyFailed() throws Exception {
        smtpServer.stop();
        String recipient = unique("unreachable");
        long id = queue(new OutgoingMail(recipient, "Minutes", "The minutes of the meeting."));

        delivery.deliverDue();
        var afterFirst = jdbc.sql("SELECT attempts, status, last_error, next_attempt > now() AS later FROM mail_outbox WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(afterFirst.get("attempts")).isEqualTo(1);
        assertThat(afterFirst.get("status")).isEqualTo("QUEUED");
        assertThat((String) afterFirst.get("last_error")).isNotBlank();

        waitUntil(() -> status(id).equals("FAILED"), Duration.ofSeconds(20));
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT attempts FROM mail_outbox WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(3);

        assertThat(MailDelivery.retryDelay(Duration.ofMinutes(1), 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDelivery.retryDelay(Duration.ofMinutes(1), 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailDelivery.retryDelay(Duration.ofMinutes(1), 7)).isEqualTo(Duration.ofMinutes(64));
    }

    @Test
    void aMailQueuedInARolledBackTransactionIsNeverSent() throws Exception {
        String recipient = unique("rolledback");
        transactions.executeWithoutResult(tx -> {
            outbox.queue(new OutgoingMail(recipient, "Never", "This change was rolled back."));
            tx.setRollbackOnly();
        });
        delivery.deliverDue();
        Thread.sleep(1500);
        assertThat(received(recipient)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(recipient).query(Long.class).single()).isZero();
    }

    @Test
    void racingDeliveryRunsNeverSendAMailTwice() throws Exception {
        String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = transactions.execute(tx -> {
            List<Long> queued = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                queued.add(outbox.queue(new OutgoingMail(prefix + "-" + i + "@example.org", "Newsletter " + i, "Edition " + i)));
            }
            return queued;
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(CompletableFuture.supplyAsync(delivery::deliverDue, pool));
            }
            runs.forEach(CompletableFuture::join);
        }
        waitUntil(() -> countWithStatus(ids, "SENT") == ids.size(), Duration.ofSeconds(20));
        assertThat(countWithStatus(ids, "SENT")).isEqualTo(ids.size());
        Thread.sleep(1500);
        List<String> recipients = Arrays.stream(smtpServer.getReceivedMessages())
                .flatMap(m -> recipients(m).stream())
                .filter(r -> r.startsWith(prefix)).toList();
        assertThat(recipients).hasSize(30).doesNotHaveDuplicates();
    }

    private long queue(OutgoingMail mail) {
        return transactions.execute(tx -> outbox.queue(mail));
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single();
    }

    private long countWithStatus(List<Long> ids, String status) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE id = ANY(?) AND status = ?")
                .params(ids.toArray(Long[]::new), status).query(Long.class).single();
    }

    private List<MimeMessage> received(String recipient) {
        return Arrays.stream(smtpServer.getReceivedMessages()).filter(m -> recipients(m).contains(recipient)).toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(end)) {
            Thread.sleep(100);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
