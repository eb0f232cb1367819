package org.convene.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignDraft;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.text.RichText;
import org.convene.platform.web.InvalidInputException;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A campaign's details (slogans, action types, hashtags, contact), each kind of bad input, and the public page. */
@ConveneTest
class CampaignDetailsTest {

    @LocalServerPort
    int port;
    @Autowired
    CampaignFixtures fixtures;
    @Autowired
    Campaigns campaigns;

    @Test
    void aFullCampaignIsStoredWithBlankSlogansLeftOutAndTheLeadingHashDropped() {
        Campaign created = fixtures.create(CampaignFixtures.full()
                .slogans(List.of(TranslatedText.of("en", "Rivers belong to everyone"), TranslatedText.of("en", "  "),
                        new TranslatedText("en", Map.of("en", "Clean water", "ar", "مياه نظيفة"))))
                .hashtags(List.of("#CleanRiversDay", "", "ríos_limpios")).build());
        Campaign found = campaigns.find(created.id()).orElseThrow();
        assertThat(found.slogans()).extracting(s -> s.in("en")).containsExactly("Rivers belong to everyone", "Clean water");
        assertThat(found.slogans().get(1).in("ar")).isEqualTo("مياه نظيفة");
        assertThat(found.hashtags()).containsExactly("CleanRiversDay", "ríos_limpios");
        assertThat(found.actionTypes()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(ActionType.PHOTO_ACTION);
            assertThat(a.links()).containsExactly(new Campaign.ToolkitLink("Sign template", "https://example.org/sign"));
        });
        assertThat(found.contactEmail()).isEqualTo("rivers@example.org");
        assertThat(found.background().in("es")).startsWith("Los ríos");
    }

    @Test
    void eachKindOfBadInputIsRefusedOnItsFieldWithoutARow() {
        assertRefused(CampaignFixtures.full().title(TranslatedText.empty()), "title");
        LocalDate day = LocalDate.of(2031, 5, 10);
        assertRefused(CampaignFixtures.full().days(day, day.minusDays(1)), "lastDay");
        assertRefused(CampaignFixtures.full().timeZone("Europe/Atlantis"), "timeZone");
        assertRefused(CampaignFixtures.full().slogans(Collections.nCopies(21, TranslatedText.of("en", "Clean rivers"))), "slogans");
        for (String url : List.of("ftp://example.org/sign.pdf", "javascript:alert(1)", "example.org/sign", "https://")) {
            assertRefused(CampaignFixtures.full().actionTypes(List.of(new Campaign.SuggestedAction(ActionType.RALLY, TranslatedText.empty(),
                    List.of(new Campaign.ToolkitLink("Sign", url))))), "actionTypes.RALLY.links");
        }
        for (String address : List.of("rivers", "rivers@", "rivers @example.org", "rivers@example")) {
            assertRefused(CampaignFixtures.full().contactEmail(address), "contactEmail");
        }
        for (String tag : List.of("#clean rivers", "clean-rivers", "#<b>", "##rivers")) {
            assertRefused(CampaignFixtures.full().hashtags(List.of(tag)), "hashtags");
        }
    }

    @Test
    void twentySlogansAreAcceptedAndAnUpdateKeepsTheAddress() {
        Campaign created = fixtures.create(CampaignFixtures.full().slogans(Collections.nCopies(20, TranslatedText.of("en", "Clean rivers"))).build());
        assertThat(created.slogans()).hasSize(20);
        Campaign changed = campaigns.update(created.id(), CampaignFixtures.full().title(created.title()).status(CampaignStatus.CLOSED)
                .hashtags(List.of("RiversDay")).build());
        assertThat(changed.slug()).isEqualTo(created.slug());
        assertThat(changed.status()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(changed.hashtags()).containsExactly("RiversDay");
    }

    @Test
    void richTextKeepsFormattingAndDropsScriptsAndUnsafeLinks() {
        String html = RichText.toHtml("**Clean** water\n\n<script>alert(1)</script>\n\n[docs](https://example.org) [bad](javascript:alert(1))"
                + "\n\n<img src=x onerror=alert(1)>");
        assertThat(html).contains("<strong>Clean</strong>").contains("href=\"https://example.org\"").contains("nofollow");
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<img").doesNotContain("onerror=alert");
        assertThat(RichText.toPlainText("Ask for **clean water** & more")).isEqualTo("Ask for clean water & more");
    }

    @Test
    void thePublicPageShowsTheCallSlogansAndShareDetailsInTheReadersLanguage() throws Exception {
        Campaign campaign = fixtures.create(CampaignFixtures.full().build());
        HttpResponse<String> english = get("/campaigns/" + campaign.slug());
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body())
                .contains("<strong>clean water</strong>")
                .contains("Rivers belong to everyone")
                .contains("value=\"#CleanRiversDay\"")
                .contains("mailto:rivers@example.org")
                .contains("property=\"og:title\" content=\"" + campaign.title().in("en") + "\"")
                .contains("property=\"og:description\" content=\"Member organizations gather at their river banks to ask for clean water for everyone.\"")
                .contains("hreflang=\"es\"").contains("hreflang=\"ar\"").doesNotContain("hreflang=\"fr\" href=\"http://localhost:8080/campaigns")
                .contains("The day of action is in 20 days.")
                .contains("id=\"campaign-actions\"").contains("/campaigns/" + campaign.slug() + "/actions/new")
                .contains("id=\"campaign-footage\"").contains("/campaigns/" + campaign.slug() + "/footage/new")
                .contains("/campaigns/" + campaign.slug() + "/gallery");
        HttpResponse<String> arabic = get("/campaigns/" + campaign.slug() + "?lang=ar");
        // the title is in Arabic; the call has no Arabic text, so it is shown in English and marked so
        assertThat(arabic.body()).contains("lang=\"ar\" dir=\"rtl\">" + campaign.title().in("ar") + "</h1>")
                .contains("id=\"campaign-call\" lang=\"en\" dir=\"ltr\"")
                .contains("<li lang=\"ar\" dir=\"rtl\">الأنهار ملك للجميع</li>");
        assertThat(get("/campaigns").body()).contains(campaign.title().in("en"));
    }

    @Test
    void aDraftIsNotFoundByThePublic() throws Exception {
        Campaign draft = fixtures.create(CampaignFixtures.full().status(CampaignStatus.DRAFT).build());
        assertThat(get("/campaigns/" + draft.slug()).statusCode()).isEqualTo(404);
        assertThat(get("/campaigns").body()).doesNotContain(draft.title().in("en"));
        assertThat(get("/api/v1/campaigns/" + draft.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void theCountdownSaysTodayOnTheDaysOfActionAndEndedAfter() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Lisbon"));
        Campaign now = fixtures.open(today.minusDays(1), today.plusDays(1));
        assertThat(get("/campaigns/" + now.slug()).body()).contains("The day of action is today.");
        Campaign past = fixtures.open(today.minusDays(5), today.minusDays(3));
        assertThat(get("/campaigns/" + past.slug()).body()).contains("The day of action has ended.");
    }

    private void assertRefused(CampaignFixtures.Builder builder, String field) {
        CampaignDraft draft = builder.build();
        int before = count();
        assertThatThrownBy(() -> campaigns.create(draft)).as(field).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(InvalidInputException.FieldProblem::field).contains(field));
        assertThat(count()).isEqualTo(before);
    }

    private int count() {
        return fixtures.jdbc().sql("SELECT count(*) FROM campaign").query(Integer.class).single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
