package org.convene.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.microsoft.playwright.Page;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.convene.events.internal.Event;
import org.convene.events.internal.Events;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff add questions, practical details and a cover picture; supporters answer the questions on the event page. */
class EventQuestionsBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Events events;

    @Test
    void staffAskQuestionsAndSupportersMustAnswerThemToRegister() throws Exception {
        logIn(staff.networkAdmin());
        page.navigate(url("/admin/events/new"));
        String title = "Assembly on housing " + java.util.UUID.randomUUID().toString().substring(0, 6);
        page.locator("#title-en").fill(title);
        page.locator("#title-ar").fill("جمعية السكن");
        page.locator("#description-en").fill("Member organizations compare their housing campaigns.");
        page.locator("#format").selectOption("HYBRID");
        page.locator("#startsAt").fill("2031-06-10T10:00");
        page.locator("#endsAt").fill("2031-06-10T16:00");
        page.locator("#doorsOpenAt").fill("2031-06-10T09:30");
        page.locator("#timeZone").fill("Asia/Amman");
        page.locator("#venueName").fill("Hall of the Builders' Union");
        page.locator("#capacity").fill("20");
        page.locator("#onlineCapacity").fill("100");
        page.locator("#practicalNotes").fill("Lunch is provided. Bring a photo ID for the reception.");
        page.locator("#question-kind-0").selectOption("CHOICE");
        page.locator("#question-label-0").fill("Which afternoon workshop?");
        page.locator("#question-choices-0").fill("Tenant unions\nPublic housing");
        page.locator("#question-required-0").check();
        page.locator("#question-kind-1").selectOption("CONSENT");
        page.locator("#question-label-1").fill("I agree that my name appears on the list of participants.");
        page.locator("#status").selectOption("PUBLISHED");
        page.locator("form:has(#title-en) button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("The event has been saved.");
        screenshot("events-admin-questions");

        Event event = events.findBySlug(page.locator("a:text('Open the public page')").getAttribute("href").replace("/events/", "")).orElseThrow();
        assertThat(event.questions()).hasSize(2);
        assertThat(event.questions().get(0).choices()).hasSize(2);
        assertThat(event.onlineCapacity()).isEqualTo(100);
        // the edit page offers the questions again, plus blank rows
        assertThat(page.locator("#question-label-1")).hasValue("I agree that my name appears on the list of participants.");
        assertThat(page.locator("#question-kind-2")).hasValue("");

        // a cover picture, from a real file; a text file is refused beside the field
        Path notAnImage = Files.writeString(Files.createTempFile(Path.of("target"), "cover", ".png"), "not a picture");
        page.locator("#cover").setInputFiles(notAnImage);
        page.locator("#cover-form button[type=submit]").click();
        assertThat(page.locator("#cover-error")).isVisible();
        Path picture = Files.createTempFile(Path.of("target"), "cover", ".png");
        BufferedImage image = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 110, 90));
        g.fillRect(0, 0, 1200, 600);
        g.dispose();
        ImageIO.write(image, "png", picture.toFile());
        page.locator("#cover").setInputFiles(picture);
        page.locator("#cover-form button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("cover picture has been saved");
        assertThat(events.find(event.id()).orElseThrow().coverImage()).isNotNull();

        Page visitor = newPage(1280, 900, "en");
        visitor.navigate(url("/events/" + event.slug()));
        assertThat(visitor.locator("img.event-cover")).isVisible();
        assertThat(visitor.locator(".event-facts")).containsText("Doors open");
        assertThat(visitor.locator(".event-facts")).containsText("Bring a photo ID");
        assertThat(visitor.locator("meta[property='og:image']")).hasAttribute("content",
                java.util.regex.Pattern.compile("/media/[0-9a-f]{32}\\.(png|jpg)$"));
        String email = uniqueEmail("layla");
        visitor.locator("#name").fill("Layla Haddad");
        visitor.locator("#email").fill(email);
        visitor.getByLabel("In person", new Page.GetByLabelOptions().setExact(true)).check();
        visitor.locator(".registration-form button[type=submit]").click();
        String choiceKey = event.questions().get(0).key();
        String consentKey = event.questions().get(1).key();
        assertThat(visitor.locator("#answer-" + choiceKey + "-error")).containsText("Please answer this question.");
        assertThat(visitor.locator("#answer-" + consentKey + "-error")).containsText("You need to agree to this to register.");
        assertThat(visitor.locator("#name")).hasValue("Layla Haddad");
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE email = ?", email)).isZero();
        screenshot(visitor, "events-questions-errors");

        visitor.getByLabel("Public housing").check();
        visitor.locator("#answer-" + consentKey).check();
        visitor.locator(".registration-form button[type=submit]").click();
        assertThat(visitor.locator("#registration-result")).containsText("You are registered and have a seat.");
        Map<String, Object> answers = fixtures.jdbc().sql("SELECT answers->>'" + choiceKey + "' AS choice, jsonb_exists(answers, '" + consentKey + "') AS consent FROM registration WHERE email = :e")
                .param("e", email).query().singleRow();
        assertThat(answers).containsEntry("choice", "Public housing").containsEntry("consent", true);

        Page arabic = newPage(390, 844, "ar");
        arabic.navigate(url("/events/" + event.slug()));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator("h1")).hasText("جمعية السكن");
        assertThat(arabic.locator(".registration-form")).containsText("Which afternoon workshop?");
        screenshot(arabic, "events-questions-ar-phone");
    }
}
