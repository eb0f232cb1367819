package org.convene.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Login with and without 2FA, password reset and invitation acceptance, in a real browser. */
class AccountsBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;

    private void logIn(Page target, String email, String password) {
        target.navigate(url("/login"));
        target.locator("#email").fill(email);
        target.locator("#password").fill(password);
        target.locator("main button[type=submit]").click();
    }

    @Test
    void loginWithoutTwoFactor() {
        TestStaff.Login login = staff.create(StaffRole.ORG_ADMIN, 9991L);
        page.navigate(url("/login"));
        assertThat(page.getByText("Forgot your password?")).isVisible();
        logIn(page, login.email(), "not the password");
        assertThat(page.locator("#login-error")).containsText("Wrong e-mail or password");
        logIn(page, login.email(), login.password());
        assertThat(page.locator("h1")).hasText("Administration");
        assertThat(page.locator("main")).containsText("Staff and invitations");
        page.locator("header").getByText("My account").click();
        assertThat(page.locator("h1")).hasText("Account security");
        screenshot("account-security");

        Page phone = newPage(390, 844, "en-GB");
        logIn(phone, login.email(), login.password());
        phone.navigate(url("/admin/staff"));
        assertThat(phone.locator("h1")).hasText("Staff");
        screenshot(phone, "staff-phone");
        assertThat(phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        phone.context().close();
    }

    @Test
    void loginWithTwoFactorAndAReusedCodeIsRefused() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9992L);
        logIn(page, login.email(), login.password());
        page.navigate(url("/account/security"));
        page.locator("#password").fill(login.password());
        page.getByText("Confirm", new Page.GetByTextOptions().setExact(true)).click();
        page.getByText("Set up two-factor authentication").click();
        assertThat(page.locator("img.qr-code")).isVisible();
        assertThat(page.locator("img.qr-code").getAttribute("src")).startsWith("data:image/png;base64,");
        screenshot("two-factor-enrol");
        String secret = page.locator("#totp-secret").textContent().strip();
        long step = TwoFactorSteps.currentStep();
        String enrolmentCode = TwoFactorSteps.code(secret, step);
        page.locator("#code").fill(enrolmentCode);
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Your recovery codes");
        assertThat(page.locator(".recovery-codes li")).hasCount(10);

        page.locator("header form[action$='/logout'] button[type=submit]").click();
        logIn(page, login.email(), login.password());
        assertThat(page.locator("h1")).hasText("Two-step verification");
        page.locator("#code").fill(enrolmentCode);
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#code-error")).containsText("already used");

        page.locator("#code").fill(TwoFactorSteps.code(secret, step + 1));
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Administration");

        Page arabic = newPage(1280, 900, "ar");
        logIn(arabic, login.email(), login.password());
        arabic.navigate(url("/login/two-factor?lang=ar"));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator("h1")).hasText("التحقق بخطوتين");
        screenshot(arabic, "two-factor-login-ar");
        arabic.context().close();
    }

    @Test
    void passwordResetThroughTheLinkInTheMail() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9993L);
        page.navigate(url("/login"));
        page.getByText("Forgot your password?").click();
        page.locator("#email").fill(login.email());
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Check your e-mail");

        String link = MailOutboxReader.last(jdbc, login.email()).linkPath("/password-reset/");
        page.navigate(url(link));
        page.locator("#password").fill("pebble canyon whistle");
        page.locator("#confirmPassword").fill("pebble canyon whistle");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("Your new password is saved");
        logIn(page, login.email(), "pebble canyon whistle");
        assertThat(page.locator("h1")).hasText("Administration");

        page.navigate(url(link));
        assertThat(page.locator("h1")).hasText("This link does not work");
        screenshot("link-not-valid");
    }

    @Autowired
    org.convene.directory.internal.OrganizationService organizationService;

    @Test
    void invitationAcceptance() {
        var member = new org.convene.directory.internal.Forms.OrganizationForm();
        String organizationName = "Inviting Collective " + UUID.randomUUID().toString().substring(0, 6);
        member.setName(organizationName);
        member.setCountry("SN");
        long organizationId = organizationService.create(member, null);
        TestStaff.Login admin = staff.networkAdmin();
        logIn(page, admin.email(), admin.password());
        page.navigate(url("/admin/directory/organizations/" + organizationId));
        page.getByText("Staff and invitations").click();
        assertThat(page.locator("#organizationId")).hasValue(String.valueOf(organizationId));
        String email = "browser-invite-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        page.locator("#invite-form #email").fill(email);
        page.locator("#role").selectOption("ORG_ADMIN");
        page.locator("#invite-form button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText(email);

        String link = MailOutboxReader.last(jdbc, email).linkPath("/invitation/");
        Page invited = newPage(1280, 900, "ar");
        invited.navigate(url(link + "?lang=ar"));
        assertThat(invited.locator("html")).hasAttribute("dir", "rtl");
        screenshot(invited, "invitation-ar");
        invited.navigate(url(link + "?lang=en"));
        assertThat(invited.locator("main")).containsText(organizationName);
        invited.locator("#name").fill("Rafa Invited");
        invited.locator("#password").fill("saffron bicycle thunder");
        invited.locator("#confirmPassword").fill("saffron bicycle thunder");
        invited.locator("main button[type=submit]").click();
        assertThat(invited.locator("[role=status]")).containsText("Your account is ready");
        logIn(invited, email, "saffron bicycle thunder");
        assertThat(invited.locator("h1")).hasText("Administration");
        invited.navigate(url("/admin/staff"));
        assertThat(invited.locator("main")).containsText("Staff of " + organizationName);
        invited.context().close();
    }
}
