package org.convene.newsletter.sending;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.convene.newsletter.internal.EditionRendering;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.newsletter.internal.RenderedEdition;
import org.convene.newsletter.sending.DeliveryLedger.Claimed;
import org.convene.newsletter.sending.DeliveryLedger.Outcome;
import org.convene.newsletter.sending.DeliveryLedger.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The sending threads of one node: one per SMTP connection, sharing the node's rate. Each thread
 * claims a batch of the ledger, sends it message by message over its own long-lived connection and
 * commits each outcome right after the server's reply (together with the mark that the next
 * message is being handed over). The node beats in {@code newsletter_sender}; if it cannot beat,
 * it stops sending before the others may take its claims over.
 */
public class SendingEngine {

    private static final Logger log = LoggerFactory.getLogger(SendingEngine.class);
    private static final long STATUS_CHECK_NANOS = Duration.ofMillis(500).toNanos();

    private final DeliveryLedger ledger;
    private final EditionRendering rendering;
    private final NewsletterLinks links;
    private final JavaMailSenderImpl smtp;
    private final SendingProperties properties;
    private final InternetAddress from;
    private final String host;
    private final String node;
    private final Bucket rate;
    private final Map<String, RenderedEdition> rendered = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;
    private volatile long lastBeat;

    SendingEngine(DeliveryLedger ledger, EditionRendering rendering, NewsletterLinks links, JavaMailSenderImpl smtp,
                  SendingProperties properties, String from, String host, String node) {
        this.ledger = ledger;
        this.rendering = rendering;
        this.links = links;
        this.smtp = smtp;
        this.properties = properties;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Invalid sender address " + from, e);
        }
        this.host = host;
        this.node = node;
        this.rate = bucket(properties.ratePerSecond());
        namedStreamProvider();
    }

    /**
     * Jakarta Mail looks its StreamProvider up with a ServiceLoader scan of the class path on every
     * encoded part (two thirds of the engine's CPU in a profile, through Spring Boot's nested jars);
     * naming the provider in the system property it checks first skips the scan.
     */
    static void namedStreamProvider() {
        String property = "jakarta.mail.util.StreamProvider";
        String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(property) == null) {
            try {
                Class.forName(angus, false, SendingEngine.class.getClassLoader());
                System.setProperty(property, angus);
            } catch (ClassNotFoundException e) {
                log.debug("{} not on the class path; Jakarta Mail keeps its own lookup", angus);
            }
        }
    }

    /** A token bucket refilled at the rate, holding at most one second's worth (at least one token). */
    static Bucket bucket(double perSecond) {
        long capacity = Math.max(1, (long) Math.ceil(perSecond));
        Duration period = Duration.ofNanos((long) (1_000_000_000L * capacity / Math.max(perSecond, 0.001)));
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }

    public String node() {
        return node;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        beat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("newsletter-heartbeat").unstarted(r));
        long every = properties.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < properties.connections(); i++) {
            Thread worker = Thread.ofPlatform().name("newsletter-sender-" + i).start(this::work);
            workers.add(worker);
        }
        log.info("Newsletter sending node {} started with {} connections at {} messages/s", node, properties.connections(),
                properties.ratePerSecond());
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        for (Thread worker : workers) {
            worker.interrupt();
        }
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        heartbeat.shutdownNow();
        try {
            ledger.leave(node);
        } catch (RuntimeException e) {
            log.warn("Could not sign the sending node off: {}", e.getMessage());
        }
    }

    private void beat() {
        try {
            ledger.beat(node);
            lastBeat = System.nanoTime();
        } catch (RuntimeException e) {
            log.warn("Sending node {} could not beat: {}", node, e.getMessage());
        }
    }

    /** Whether this node's heartbeat is fresh enough that nobody takes its claims over. */
    private boolean alive() {
        return System.nanoTime() - lastBeat < properties.lease().toNanos() / 2;
    }

    private void work() {
        try (SmtpConnection connection = new SmtpConnection(smtp)) {
            while (running) {
                boolean worked = false;
                try {
                    if (alive()) {
                        for (long edition : ledger.sendingEditions()) {
                            List<Claimed> batch = ledger.claim(edition, node, properties.batchSize());
                            if (!batch.isEmpty()) {
                                worked = true;
                                try {
                                    send(connection, edition, batch);
                                } catch (RuntimeException e) {
                                    // give back what was not handed to the server; the rest is recovered if this node dies
                                    ledger.release(edition, batch.stream().map(Claimed::subscriberId).toList(), "PENDING");
                                    throw e;
                                }
                                break;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Newsletter sending stopped for a moment: {}", e.toString());
                    connection.close();
                    pause(properties.idlePoll().multipliedBy(4));
                }
                if (!worked) {
                    connection.close();
                    rendered.clear();
                    pause(properties.idlePoll());
                }
            }
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** A recipient's message, built ahead of time; {@code problem} when it cannot be built (an invalid address). */
    private record Prepared(Claimed recipient, NewsletterMessage message, String problem) {
    }

    private Prepared prepare(long edition, Claimed recipient) {
        try {
            RenderedEdition mail = rendered.computeIfAbsent(edition + ":" + recipient.language(),
                    k -> rendering.render(edition, recipient.language()));
            String unsubscribe = links.unsubscribeUrl(recipient.subscriberId());
            return new Prepared(recipient, NewsletterMessage.of(smtp.getSession(), from, recipient.email(), edition,
                    recipient.subscriberId(), host, mail.personalised(unsubscribe, links.preferencesUrl(recipient.subscriberId())),
                    unsubscribe), null);
        } catch (MessagingException e) {
            return new Prepared(recipient, null, "invalid address: " + e.getMessage());
        }
    }

    /**
     * Sends a claimed batch. Per message, in this order: the outcome of the previous message and
     * the handed mark of this one are committed together; the next message is built and its rate
     * token taken; this one is sent. So between a server's 250 and the commit of SENT there is
     * nothing but that commit (and, every half second, a look at the edition's status).
     */
    private void send(SmtpConnection connection, long edition, List<Claimed> batch) throws InterruptedException {
        List<Claimed> sendable = batch.stream().filter(Claimed::sendable).toList();
        ledger.release(edition, batch.stream().filter(c -> !c.sendable()).map(Claimed::subscriberId).toList(), "SKIPPED");
        List<Long> left = new ArrayList<>(sendable.stream().map(Claimed::subscriberId).toList());
        Outcome previous = null;
        long checked = System.nanoTime();
        String status = "SENDING";
        Prepared current = sendable.isEmpty() ? null : prepare(edition, sendable.getFirst());
        if (current != null) {
            rate.asBlocking().consume(1);
        }
        try {
            for (int i = 0; current != null; i++) {
                if (System.nanoTime() - checked > STATUS_CHECK_NANOS) {
                    status = ledger.editionStatus(edition);
                    checked = System.nanoTime();
                }
                if (!"SENDING".equals(status) || !running || !alive()) {
                    break;
                }
                Claimed recipient = current.recipient();
                if (current.problem() != null) {
                    ledger.record(edition, previous, null, properties.maxAttempts(), properties.retryDelay());
                    previous = new Outcome(recipient.subscriberId(), recipient.email(), properties.maxAttempts(), Result.FAILED,
                            current.problem());
                } else {
                    connection.open();
                    ledger.record(edition, previous, recipient.subscriberId(), properties.maxAttempts(), properties.retryDelay());
                    previous = null;
                }
                left.remove(recipient.subscriberId());
                Prepared next = i + 1 < sendable.size() ? prepare(edition, sendable.get(i + 1)) : null;
                if (next != null) {
                    rate.asBlocking().consume(1);
                }
                if (current.problem() == null) {
                    try {
                        connection.send(current.message());
                        previous = new Outcome(recipient.subscriberId(), recipient.email(), recipient.attempts(), Result.SENT, null);
                    } catch (SmtpConnection.Refused refused) {
                        log.info("Edition {} to subscriber {} refused ({}): {}", edition, recipient.subscriberId(),
                                refused.permanent ? "permanent" : "temporary", refused.getMessage());
                        previous = new Outcome(recipient.subscriberId(), recipient.email(), recipient.attempts(),
                                refused.permanent ? Result.FAILED : Result.RETRY, refused.getMessage());
                    }
                }
                current = next;
            }
        } catch (SmtpConnection.Unavailable e) {
            log.warn("SMTP server not reachable: {}", e.getMessage());
            ledger.record(edition, previous, null, properties.maxAttempts(), properties.retryDelay());
            previous = null;
            ledger.release(edition, left, "PENDING");
            pause(properties.idlePoll().multipliedBy(4));
            return;
        } finally {
            if (previous != null) {
                ledger.record(edition, previous, null, properties.maxAttempts(), properties.retryDelay());
            }
        }
        if (!left.isEmpty()) {
            ledger.release(edition, left, "CANCELLED".equals(status) ? "SKIPPED" : "PENDING");
        }
    }
}
