package org.convene.newsletter.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.convene.newsletter.NewsletterFixtures;
import org.convene.newsletter.internal.EditionRendering;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sending engine against real SMTP servers in the test JVM (GreenMail, and a scripted server
 * for refusals), on a database of its own: exactly once, both parts and the bulk headers, no mail
 * to unconfirmed or suppressed addresses, 5xx suppressed, 4xx retried, pause/resume/cancel, two
 * engines racing, and the recovery of a dead node's claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "convene.database.embedded.data-dir=target/test-postgres-newsletter-sending",
        "spring.mail.host=127.0.0.1",
        "convene.mail.from=Harbour Network <news@example.org>",
        "convene.jobs.polling-interval=300ms",
        "convene.newsletter.sending.dispatch-interval=300ms",
        "convene.newsletter.sending.rate-per-second=2000",
        "convene.newsletter.sending.retry-delay=200ms",
        "convene.newsletter.sending.heartbeat=500ms",
        "convene.newsletter.sending.lease=3s",
        "convene.newsletter.sending.idle-poll=200ms"})
@ActiveProfiles("test")
class SendingEngineTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtpServer = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeliveryLedger ledger;
    @Autowired
    EditionRendering rendering;
    @Autowired
    NewsletterLinks links;
    @Autowired
    SendingConfiguration.SendingNode node;
    @Autowired
    JavaMailSenderImpl greenMail;
    @Autowired
    TestStaff staff;
    @LocalServerPort
    int port;

    final List<SendingEngine> engines = new ArrayList<>();

    @BeforeEach
    void stopTheNodesOwnEngine() {
        node.stop();
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(SendingEngine::stop);
        node.stop();
    }

    @Test
    void eachSubscriberGetsTheEditionExactlyOnceWithBothPartsAndTheBulkHeaders() throws Exception {
        String topic = topic();
        Map<String, Long> subscribers = subscribers("reader", topic, 200);
        String spanish = NewsletterFixtures.uniqueEmail("lectora");
        long spanishId = fixtures.subscriber(spanish, "es", "SUBSCRIBED", null, List.of(topic));
        subscribers.put(spanish, spanishId);
        String unconfirmed = NewsletterFixtures.uniqueEmail("unconfirmed");
        fixtures.subscriber(unconfirmed, "en", "PENDING", null, List.of(topic));
        String suppressed = NewsletterFixtures.uniqueEmail("suppressed");
        fixtures.subscriber(suppressed, "en", "SUBSCRIBED", null, List.of(topic));
        jdbc.sql("INSERT INTO suppression (email, reason) VALUES (:email, 'COMPLAINT')").param("email", suppressed).update();
        String unsubscribed = NewsletterFixtures.uniqueEmail("gone");
        fixtures.subscriber(unsubscribed, "en", "UNSUBSCRIBED", null, List.of(topic));
        long edition = scheduledEdition("Harbour news", topic);

        node.applicationReady(); // the node's own engine, started by the application, takes it from here
        waitUntil(() -> status(edition).equals("SENT"), Duration.ofSeconds(60));

        Map<String, List<MimeMessage>> received = receivedByRecipient();
        for (String address : subscribers.keySet()) {
            assertThat(received.getOrDefault(address, List.of())).as(address).hasSize(1);
        }
        assertThat(received).doesNotContainKeys(unconfirmed, suppressed, unsubscribed);
        assertThat(count(edition, "SENT")).isEqualTo(201);

        long firstId = subscribers.values().stream().min(Long::compare).orElseThrow();
        String first = subscribers.entrySet().stream().filter(e -> e.getValue() == firstId).findFirst().orElseThrow().getKey();
        MimeMessage message = received.get(first).getFirst();
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getHeader("List-Unsubscribe", null)).isEqualTo("<" + links.unsubscribeUrl(firstId) + ">");
        assertThat(message.getHeader("Precedence", null)).isEqualTo("bulk");
        assertThat(message.getMessageID()).isEqualTo("<edition-" + edition + ".subscriber-" + firstId + "@localhost>");
        assertThat(message.getSubject()).contains("Harbour news");
        assertThat(message.getFrom()[0].toString()).contains("news@example.org");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).doesNotContain("{{unsubscribe_url}}");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains(links.unsubscribeUrl(firstId).replace("&", "&amp;")).doesNotContain("{{");

        MimeMessage inSpanish = received.get(spanish).getFirst();
        assertThat(inSpanish.getSubject()).contains("Harbour news (es)");
    }

    @Test
    void aPermanentRefusalSuppressesTheAddressAndATemporaryOneIsRetried() throws Exception {
        String topic = topic();
        Map<String, Long> subscribers = subscribers("fine", topic, 5);
        String refused = NewsletterFixtures.uniqueEmail("refused");
        long refusedId = fixtures.subscriber(refused, "en", "SUBSCRIBED", null, List.of(topic));
        String later = NewsletterFixtures.uniqueEmail("later");
        long laterId = fixtures.subscriber(later, "en", "SUBSCRIBED", null, List.of(topic));
        long edition = scheduledEdition("Refusals", topic);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> address.equals(refused) ? "550 5.1.1 no such mailbox here"
                : address.equals(later) && refusedOnce.add(address) ? "451 4.7.1 greylisted, try again later" : null)) {
            // when a message arrives, the ledger already says it was handed to the server
            server.atDot = address -> jdbc.sql("""
                            SELECT handed_at IS NOT NULL FROM edition_delivery d JOIN subscriber s ON s.id = d.subscriber_id
                            WHERE d.edition_id = :e AND s.email = :email""")
                    .param("e", edition).param("email", address).query(Boolean.class).single();
            engine(smtp(server.port()), 2, 2000).start();
            waitUntil(() -> status(edition).equals("SENT"), Duration.ofSeconds(30));

            assertThat(server.accepted).containsAll(subscribers.keySet()).contains(later).doesNotContain(refused).doesNotHaveDuplicates();
            assertThat(server.rcptAttempts.get(later).get()).isEqualTo(2);
            assertThat(server.releasedAtDot).hasSize(server.accepted.size()).containsOnly(true);
            assertThat(delivery(edition, refusedId)).containsEntry("status", "FAILED");
            assertThat((String) delivery(edition, refusedId).get("last_error")).contains("550");
            Map<String, Object> suppression = jdbc.sql("SELECT reason, detail FROM suppression WHERE email = :email")
                    .param("email", refused).query().singleRow();
            assertThat(suppression.get("reason")).isEqualTo("HARD_BOUNCE");
            assertThat((String) suppression.get("detail")).contains("550").contains("no such mailbox");
            assertThat(delivery(edition, laterId)).containsEntry("status", "SENT").containsEntry("attempts", 2);
            assertThat((String) delivery(edition, laterId).get("last_error")).isNull();
        }
    }

    final java.util.Set<String> refusedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Test
    void staffPauseResumeAndCancelASendThroughTheApi() throws Exception {
        String topic = topic();
        subscribers("steady", topic, 120);
        long edition = scheduledEdition("Steady", topic);
        String token = staff.apiToken(staff.networkAdmin());
        engine(greenMail, 1, 20).start();
        waitUntil(() -> count(edition, "SENT") >= 10, Duration.ofSeconds(30));

        assertThat(api("POST", edition, "/pause", token).statusCode()).isEqualTo(200);
        Thread.sleep(1200);
        long sentWhenPaused = count(edition, "SENT");
        assertThat(count(edition, "SENDING")).isZero();
        Thread.sleep(1500);
        assertThat(count(edition, "SENT")).isEqualTo(sentWhenPaused);
        HttpResponse<String> figures = api("GET", edition, "", token);
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("\"status\":\"PAUSED\"").contains("\"sent\":" + sentWhenPaused).contains("\"total\":120");
        assertThat(api("POST", edition, "/pause", token).statusCode()).isEqualTo(409);

        assertThat(api("POST", edition, "/resume", token).statusCode()).isEqualTo(200);
        waitUntil(() -> count(edition, "SENT") > sentWhenPaused + 5, Duration.ofSeconds(20));

        assertThat(api("POST", edition, "/cancel", token).statusCode()).isEqualTo(200);
        Thread.sleep(1200);
        long sent = count(edition, "SENT");
        assertThat(status(edition)).isEqualTo("CANCELLED");
        assertThat(count(edition, "PENDING") + count(edition, "SENDING")).isZero();
        assertThat(count(edition, "SKIPPED")).isEqualTo(120 - sent);
        Thread.sleep(1000);
        assertThat(count(edition, "SENT")).isEqualTo(sent);
        assertThat(receivedByRecipient().keySet().stream().filter(a -> a.startsWith("steady-")).count()).isEqualTo(sent);
        assertThat(api("POST", edition, "/resume", token).statusCode()).isEqualTo(409);

        assertThat(api("GET", 987654321L, "", token).statusCode()).isEqualTo(404);
        assertThat(api("POST", edition, "/pause", null).statusCode()).isEqualTo(401);
    }

    @Test
    void twoEnginesClaimingAtTheSameTimeNeverSendARecipientTwice() throws Exception {
        String topic = topic();
        Map<String, Long> subscribers = subscribers("raced", topic, 300);
        long edition = scheduledEdition("Raced", topic);
        SendingEngine one = engine(greenMail, 3, 5000);
        SendingEngine two = engine(greenMail, 3, 5000);
        ledger.startDueEdition();
        Thread a = Thread.ofPlatform().start(one::start);
        Thread b = Thread.ofPlatform().start(two::start);
        a.join();
        b.join();
        waitUntil(() -> count(edition, "PENDING") + count(edition, "SENDING") == 0, Duration.ofSeconds(60));

        Map<String, List<MimeMessage>> received = receivedByRecipient();
        for (String address : subscribers.keySet()) {
            assertThat(received.getOrDefault(address, List.of())).as(address).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT count(DISTINCT claimed_by) FROM edition_delivery WHERE edition_id = :e").param("e", edition)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theClaimsOfADeadNodeAreRecoveredAndAnAmbiguousOneIsSentAgainWithTheSameMessageId() throws Exception {
        String topic = topic();
        Map<String, Long> subscribers = subscribers("crash", topic, 6);
        long edition = scheduledEdition("After the crash", topic);
        ledger.startDueEdition();
        List<Long> ids = subscribers.values().stream().sorted().toList();
        // a node that died: two rows claimed, one of them handed to the server; another node is alive with a claim
        ledger.beat("living-node");
        claim(edition, ids.get(0), "dead-node", true);
        claim(edition, ids.get(1), "dead-node", false);
        claim(edition, ids.get(2), "living-node", true);

        assertThat(ledger.recoverDeadClaims(Duration.ofSeconds(3))).isEqualTo(1);
        assertThat(delivery(edition, ids.get(0))).containsEntry("status", "PENDING").containsEntry("resent_after_crash", 1);
        assertThat(delivery(edition, ids.get(1))).containsEntry("status", "PENDING").containsEntry("resent_after_crash", 0);
        assertThat(delivery(edition, ids.get(2))).containsEntry("status", "SENDING");

        // the living node stops beating too: after the lease its claim is recovered as well
        jdbc.sql("UPDATE newsletter_sender SET heartbeat_at = now() - interval '1 minute' WHERE node = 'living-node'").update();
        assertThat(ledger.recoverDeadClaims(Duration.ofSeconds(3))).isEqualTo(1);
        engine(greenMail, 2, 2000).start();
        waitUntil(() -> status(edition).equals("SENT") || count(edition, "SENT") == 6, Duration.ofSeconds(30));

        Map<String, List<MimeMessage>> received = receivedByRecipient();
        for (Map.Entry<String, Long> s : subscribers.entrySet()) {
            assertThat(received.get(s.getKey())).hasSize(1);
            assertThat(received.get(s.getKey()).getFirst().getMessageID())
                    .isEqualTo("<edition-" + edition + ".subscriber-" + s.getValue() + "@localhost>");
        }
        EditionSending.Figures figures = new EditionSending(jdbc).figures(edition).orElseThrow();
        assertThat(figures.resentAfterCrash()).isEqualTo(2);
    }

    // helpers

    private SendingEngine engine(JavaMailSenderImpl smtp, int connections, double rate) {
        SendingProperties properties = new SendingProperties(connections, rate, 10, 4, Duration.ofMillis(200), Duration.ofSeconds(3),
                Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(300), true);
        SendingEngine engine = new SendingEngine(ledger, rendering, links, smtp, properties, "Harbour Network <news@example.org>",
                "localhost", SendingConfiguration.nodeName());
        engines.add(engine);
        return engine;
    }

    private static JavaMailSenderImpl smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }

    private void claim(long edition, long subscriber, String node, boolean handed) {
        jdbc.sql("""
                        UPDATE edition_delivery SET status = 'SENDING', claimed_by = :node, claimed_at = now() - interval '1 minute',
                               handed_at = CASE WHEN :handed THEN now() - interval '1 minute' END
                        WHERE edition_id = :e AND subscriber_id = :s""")
                .param("node", node).param("handed", handed).param("e", edition).param("s", subscriber).update();
    }

    private static String topic() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Long> subscribers(String who, String topic, int n) {
        Map<String, Long> created = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String email = NewsletterFixtures.uniqueEmail(who);
            created.put(email, fixtures.subscriber(email, "en", "SUBSCRIBED", null, List.of(topic)));
        }
        return created;
    }

    private long scheduledEdition(String subject, String topic) {
        long id = fixtures.edition(subject);
        jdbc.sql("UPDATE edition SET segment = CAST(:segment AS jsonb), status = 'SCHEDULED', scheduled_at = now() WHERE id = :id")
                .param("segment", "{\"topics\":[\"" + topic + "\"]}").param("id", id).update();
        return id;
    }

    private String status(long edition) {
        return jdbc.sql("SELECT status FROM edition WHERE id = :id").param("id", edition).query(String.class).single();
    }

    private long count(long edition, String status) {
        return jdbc.sql("SELECT count(*) FROM edition_delivery WHERE edition_id = :e AND status = :s")
                .param("e", edition).param("s", status).query(Long.class).single();
    }

    private Map<String, Object> delivery(long edition, long subscriber) {
        return jdbc.sql("SELECT * FROM edition_delivery WHERE edition_id = :e AND subscriber_id = :s")
                .param("e", edition).param("s", subscriber).query().singleRow();
    }

    private Map<String, List<MimeMessage>> receivedByRecipient() {
        return Arrays.stream(smtpServer.getReceivedMessages()).collect(Collectors.groupingBy(SendingEngineTest::recipient));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> api(String method, long edition, String action, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/newsletter/editions/" + edition + "/sending" + action))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
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
