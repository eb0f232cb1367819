package org.convene.newsletter.sending;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.UUID;
import org.convene.newsletter.internal.EditionRendering;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The sending engine of this node (started once the application is ready, when an SMTP server is
 * configured) and the durable dispatch job (db-scheduler, one node at a time): it starts due
 * editions, recovers the claims of dead nodes and marks finished editions SENT.
 */
@Configuration(proxyBeanMethods = false)
class SendingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SendingConfiguration.class);

    @Bean
    RecurringTask<Void> newsletterDispatchJob(DeliveryLedger ledger, SendingProperties properties) {
        return Tasks.recurring("newsletter-dispatch", FixedDelay.of(properties.dispatchInterval()))
                .execute((instance, context) -> {
                    ledger.recoverDeadClaims(properties.lease());
                    while (ledger.startDueEdition().isPresent()) {
                        // one edition per transaction
                    }
                    ledger.finishCompleted();
                });
    }

    @Bean
    SendingNode sendingNode(DeliveryLedger ledger, EditionRendering rendering, NewsletterLinks links, ObjectProvider<JavaMailSender> smtp,
                            SendingProperties properties, PlatformProperties platform,
                            @Value("${convene.mail.from:Convene <convene@localhost>}") String from,
                            @Value("${convene.jobs.enabled:true}") boolean jobsEnabled) {
        SendingEngine engine = null;
        if (properties.enabled() && jobsEnabled && smtp.getIfAvailable() instanceof JavaMailSenderImpl sender) {
            engine = new SendingEngine(ledger, rendering, links, sender, properties, from, host(platform), nodeName());
        } else {
            log.info("Newsletter sending is off on this node (no SMTP server, or sending or jobs disabled)");
        }
        return new SendingNode(engine);
    }

    static String host(PlatformProperties platform) {
        String host = URI.create(platform.baseUrl()).getHost();
        return host == null ? "localhost" : host;
    }

    /** Unique per process: a restarted node is a new node, and the old one's claims are recovered. */
    static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Starts the engine when the application is ready and stops it (giving unsent claims back) on shutdown. */
    static class SendingNode implements SmartLifecycle {

        private final SendingEngine engine;
        private volatile boolean running;

        SendingNode(SendingEngine engine) {
            this.engine = engine;
        }

        @EventListener(ApplicationReadyEvent.class)
        public synchronized void applicationReady() {
            if (engine != null && !running) {
                engine.start();
                running = true;
            }
        }

        @Override
        public void start() {
        }

        @Override
        public synchronized void stop() {
            if (running) {
                engine.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        SendingEngine engine() {
            return engine;
        }
    }
}
