package org.convene.mail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.Map;
import java.util.UUID;
import org.convene.accounts.StaffRole;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without an SMTP server (the test profile configures none) mails are held, and network admins
 * read them on the Outbox page; nobody else can.
 */
class OutboxBrowserTest extends BrowserTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestStaff staff;

    @Test
    void networkAdminReadsHeldMails() {
        String recipient = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = transactions.execute(tx -> outbox.queue(new OutgoingMail(recipient, "Your invitation to the Harbour Forum",
                "Hello,\nopen this link to join: https://convene.example/join/abc\n", Map.of("List-Unsubscribe", "<mailto:leave@example.org>"))));
        assertThat(jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single()).isEqualTo("HELD");

        page.navigate(url("/admin/outbox"));
        assertThat(page).hasURL(url("/login"));

        login(page, staff.networkAdmin());
        assertThat(page.locator("h1")).hasText("Outbox");
        page.navigate(url("/admin"));
        page.getByText("Outbox").click();
        assertThat(page.locator("h1")).hasText("Outbox");
        assertThat(page.locator(".alert-info")).containsText("No SMTP server is configured");
        var row = page.locator("tr", new Page.LocatorOptions().setHasText(recipient));
        assertThat(row).containsText("Your invitation to the Harbour Forum");
        assertThat(row).containsText("Held, not sent");
        screenshot("outbox-list");

        row.getByText("Your invitation to the Harbour Forum").click();
        assertThat(page.locator("h1")).hasText("Your invitation to the Harbour Forum");
        assertThat(page.locator("pre")).containsText("open this link to join: https://convene.example/join/abc");
        assertThat(page.locator("dl")).containsText("List-Unsubscribe: <mailto:leave@example.org>");
        assertThat(page.locator("dl")).containsText(recipient);
        screenshot("outbox-mail");

        Page arabic = newPage(1280, 900, "ar");
        arabic.context().addCookies(page.context().cookies());
        arabic.navigate(url("/admin/outbox?lang=ar"));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator("h1")).hasText("صندوق الصادر");
        screenshot(arabic, "outbox-list-ar");
        arabic.context().close();

        Page phone = newPage(390, 844, "en-GB");
        phone.context().addCookies(page.context().cookies());
        phone.navigate(url("/admin/outbox/" + id));
        assertThat(phone.locator("pre")).containsText("open this link");
        screenshot(phone, "outbox-mail-phone");
        phone.context().close();

        Response missing = page.navigate(url("/admin/outbox/999999999"));
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void organizationStaffMayNotReadTheOutbox() {
        page.navigate(url("/login"));
        login(page, staff.create(StaffRole.ORG_ADMIN, 4242L));
        assertThat(page.locator("h1")).hasText("Administration");
        Response list = page.navigate(url("/admin/outbox"));
        assertThat(list.status()).isEqualTo(403);
        Response one = page.navigate(url("/admin/outbox/1"));
        assertThat(one.status()).isEqualTo(403);
    }

    @Test
    void mailOfARolledBackChangeIsNeverQueued() {
        String recipient = "rollback-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        transactions.executeWithoutResult(tx -> {
            outbox.queue(new OutgoingMail(recipient, "Never", "This change was rolled back."));
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(recipient).query(Long.class).single()).isZero();
    }

    @Test
    void headersCannotSmuggleLines() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OutgoingMail("a@example.org", "s", "t",
                Map.of("X-Note", "ok\r\nBcc: someone@example.org"))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OutgoingMail("a@example.org\nBcc: b@example.org", "s", "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Fills in the login page the browser is on and submits it. */
    static void login(Page page, TestStaff.Login login) {
        page.getByLabel("E-mail").fill(login.email());
        page.getByLabel("Password").fill(login.password());
        page.locator("main button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/login"));
    }
}
