package org.convene.newsletter.sending;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.convene.newsletter.NewsletterFixtures;
import org.convene.newsletter.internal.EditionRendering;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Staff watch a send on its progress page: the bar moves (htmx every 2 s) up to 100 %, they pause
 * and resume it with the buttons; English, Arabic (right to left) and phone screenshots; axe.
 */
class SendingProgressBrowserTest extends BrowserTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtpServer = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    DeliveryLedger ledger;
    @Autowired
    EditionRendering rendering;
    @Autowired
    NewsletterLinks links;
    @Autowired
    TestStaff staff;

    SendingEngine engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.stop();
        }
    }

    @Test
    void staffWatchTheBarMoveToTheEndAndPauseAndResume() {
        String topic = "t" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 200; i++) {
            fixtures.subscriber(NewsletterFixtures.uniqueEmail("watched"), i % 2 == 0 ? "en" : "ar", "SUBSCRIBED", null, List.of(topic));
        }
        long edition = fixtures.edition("Harbour news");
        fixtures.jdbc().sql("UPDATE edition SET segment = CAST(:segment AS jsonb), status = 'SCHEDULED', scheduled_at = now() WHERE id = :id")
                .param("segment", "{\"topics\":[\"" + topic + "\"]}").param("id", edition).update();
        ledger.startDueEdition();
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(SMTP_PORT);
        engine = new SendingEngine(ledger, rendering, links, smtp, new SendingProperties(2, 25, 10, 4, Duration.ofMillis(200),
                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(1), true),
                "Harbour Network <news@example.org>", "localhost", SendingConfiguration.nodeName());

        TestStaff.Login admin = staff.networkAdmin();
        logIn(admin);
        String progressPage = "/admin/newsletter/editions/" + edition + "/sending";
        page.navigate(url(progressPage));
        assertThat(page.locator("h1")).containsText("Edition");
        assertThat(page.locator(".sending-status")).hasText("Sending");
        engine.start();

        // the bar moves without a reload
        page.waitForCondition(() -> Integer.parseInt(page.locator("#sending-bar").getAttribute("value")) > 5,
                new Page.WaitForConditionOptions().setTimeout(20_000));
        screenshot("newsletter-sending-en");
        page.locator("form[action$='/pause'] button").click();
        assertThat(page.locator(".alert-success")).hasText("The send is paused.");
        assertThat(page.locator(".sending-status")).hasText("Paused");
        String pausedAt = page.locator("#sending-bar").getAttribute("value");
        assertThat(Integer.parseInt(pausedAt)).isLessThan(100);
        page.locator("form[action$='/resume'] button").click();
        assertThat(page.locator(".sending-status")).hasText("Sending");
        assertThat(page.locator("#sending-bar")).hasAttribute("value", "100", new LocatorAssertions.HasAttributeOptions().setTimeout(40_000));
        page.waitForCondition(() -> page.locator("#sending-summary").textContent().contains("200 of 200"),
                new Page.WaitForConditionOptions().setTimeout(20_000));
        assertThat(page.locator(".sending-sent")).hasText("200 / 200");
        assertThat(smtpServer.getReceivedMessages()).hasSize(200);

        try (BrowserContext axeContext = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 900))) {
            Page axe = axeContext.newPage();
            logIn(axe, admin);
            axe.navigate(url(progressPage));
            assertThat(Accessibility.violations(axe)).isEmpty();
            axe.navigate(url(progressPage + "?lang=ar"));
            assertThat(Accessibility.violations(axe)).isEmpty();
        }

        Page arabic = newPage(1280, 900, "ar");
        logIn(arabic, admin);
        arabic.navigate(url(progressPage + "?lang=ar"));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator("label[for=sending-bar]")).hasText("تقدّم الإرسال");
        screenshot(arabic, "newsletter-sending-ar");
        arabic.context().close();

        Page phone = newPage(390, 844, "en-GB");
        logIn(phone, admin);
        phone.navigate(url(progressPage));
        assertThat(phone.locator("#sending-bar")).isVisible();
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot(phone, "newsletter-sending-phone");
        phone.context().close();
    }

    private void logIn(Page target, TestStaff.Login login) {
        target.navigate(url("/login"));
        target.locator("#email").fill(login.email());
        target.locator("#password").fill(login.password());
        target.locator("main form button[type=submit]").click();
        target.waitForURL("**/admin**");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
