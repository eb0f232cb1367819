package org.convene.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.accounts.WebClient;
import org.convene.events.MemberNetworkFixtures;
import org.convene.publishing.editing.PublicationEditing;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationDraft;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public statement and news pages: languages, sharing metadata, no per-session state, drafts, schedules and the news list. */
@ConveneTest
class PublicationPagesTest {

    @LocalServerPort int port;
    @Autowired PublicationFixtures fixtures;
    @Autowired PublicationEditing editing;
    @Autowired TestStaff staff;
    @Autowired MemberNetworkFixtures network;

    @Test
    void aStatementOpenForSignOnShowsItsEndorsementsAndFormsAndAnnouncesItsFeeds() {
        Publication open = fixtures.publishedStatement();
        Publication never = fixtures.publishedStatement();
        fixtures.jdbc().sql("INSERT INTO statement_sign_on (publication_id, open, individuals_allowed) VALUES (:id, true, true)")
                .param("id", open.id()).update();
        WebClient anonymous = new WebClient(port);
        String page = anonymous.get("/statements/" + open.slug()).body();
        assertThat(page).contains("id=\"endorsements\"").contains("id=\"sign-on-forms\"")
                .contains("href=\"/statements/" + open.slug() + "/sign-on\"")
                .contains("type=\"application/rss+xml\" href=\"/statements/feed.rss?lang=en\"");
        String other = anonymous.get("/statements/" + never.slug()).body();
        assertThat(other).doesNotContain("id=\"endorsements\"").doesNotContain("id=\"sign-on-forms\"");
    }

    @Test
    void anAnonymousStatementPageSetsNoCookieAndCarriesNoCsrfToken() {
        Publication p = fixtures.publishedStatement();
        WebClient anonymous = new WebClient(port);
        for (int i = 0; i < 2; i++) { // the first rendering and the cached copy
            HttpResponse<String> page = anonymous.get("/statements/" + p.slug());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
            // the embedded newsletter form only names where its script fetches a token when it is used
            assertThat(page.body()).contains("data-csrf-url=\"/newsletter/csrf\"");
            assertThat(page.body().replaceAll("data-csrf-url=\"[^\"]*\"", "")).doesNotContain("_csrf").doesNotContain("csrf");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(page.headers().firstValue("X-Page-Cache")).hasValue(i == 0 ? "MISS" : "HIT");
        }
    }

    @Test
    void theReaderSeesPublishedLanguagesOnlyWithAlternatesAndArabicRightToLeft() {
        Publication p = fixtures.publishedStatement();
        fixtures.addPublishedTranslation(p.id(), "ar", "بيان مشترك عن المياه", "## موقفنا\n\nالمياه العامة يجب أن تبقى عامة.");
        editing.saveTranslation(p.id(), "es", new PublicationEditing.Text("Borrador en español", "", "Todavía no.", null), "A");
        WebClient reader = new WebClient(port);
        String english = reader.get("/statements/" + p.slug()).body();
        assertThat(english).contains("rel=\"alternate\" hreflang=\"ar\"").contains("rel=\"alternate\" hreflang=\"en\"")
                .doesNotContain("rel=\"alternate\" hreflang=\"es\"")
                .contains("rel=\"canonical\"").contains("property=\"og:title\"").contains("property=\"og:locale\" content=\"en\"")
                .contains("property=\"og:locale:alternate\" content=\"ar\"").contains("name=\"twitter:card\"")
                .contains("<article lang=\"en\" dir=\"ltr\"").doesNotContain("Borrador");
        String arabic = reader.get("/statements/" + p.slug() + "?lang=ar").body();
        assertThat(arabic).contains("<article lang=\"ar\" dir=\"rtl\"").contains("بيان مشترك عن المياه").contains("<html lang=\"ar\" dir=\"rtl\"");
        // Spanish is only a draft: the reader who asks for it gets the original, and is told so
        String spanish = new WebClient(port).get("/statements/" + p.slug() + "?lang=es").body();
        assertThat(spanish).contains("id=\"language-fallback\"").contains("<article lang=\"en\"").doesNotContain("Borrador");
    }

    @Test
    void draftsAreNotFoundForThePublicButStaffPreviewThem() {
        Publication draft = fixtures.draftStatement();
        assertThat(new WebClient(port).get("/statements/" + draft.slug()).statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).get("/api/v1/statements/" + draft.id()).statusCode()).isEqualTo(404);
        TestStaff.Login admin = staff.networkAdmin();
        WebClient signedIn = new WebClient(port).signedIn(admin.email(), admin.password());
        HttpResponse<String> preview = signedIn.get("/admin/publications/" + draft.id() + "/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview-banner\"").contains("noindex");
        assertThat(new WebClient(port).get("/admin/publications/" + draft.id() + "/preview").statusCode()).isEqualTo(302);
    }

    @Test
    void aScheduledStatementAppearsAtItsTimeWithNobodyActing() throws Exception {
        Publication p = fixtures.draftStatement();
        Instant soon = Instant.now().plusSeconds(2);
        editing.setStatus(p.id(), PublicationStatus.PUBLISHED, soon);
        WebClient reader = new WebClient(port);
        assertThat(reader.get("/statements/" + p.slug()).statusCode()).isEqualTo(404);
        Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 300);
        assertThat(reader.get("/statements/" + p.slug()).statusCode()).isEqualTo(200);
        assertThat(reader.get("/statements").body()).contains(p.slug());
    }

    @Test
    void aChangeShowsAtOnceDespiteTheCache() {
        Publication p = fixtures.publishedStatement();
        WebClient reader = new WebClient(port);
        assertThat(reader.get("/statements/" + p.slug()).body()).doesNotContain("Changed title");
        editing.saveTranslation(p.id(), "en", new PublicationEditing.Text("Changed title", "", "New text", null), "A");
        assertThat(reader.get("/statements/" + p.slug()).body()).contains("Changed title");
    }

    @Test
    void theNewsListFiltersByCategoryRegionCountryAndLanguageAndPages() {
        MemberNetworkFixtures.Corner corner = network.corner();
        PublicationDraft d = PublicationFixtures.draft(PublicationKind.NEWS, PublicationStatus.DRAFT);
        Publication post = fixtures.create(d, "A");
        editing.updateDetails(post.id(), new PublicationEditing.Details(d.dated(), List.of(), List.of(corner.member().id()), null, null,
                "SOLIDARITY", corner.north().id(), "FI", List.of()));
        editing.setStatus(post.id(), PublicationStatus.PUBLISHED, null);
        WebClient reader = new WebClient(port);
        String region = "/news?region=" + corner.north().slug();
        assertThat(reader.get(region).body()).contains(post.slug()).contains(corner.north().name().in("en"));
        assertThat(reader.get(region + "&category=SOLIDARITY&country=fi&language=en").body()).contains(post.slug());
        assertThat(reader.get(region + "&category=CAMPAIGNS").body()).doesNotContain(post.slug());
        assertThat(reader.get(region + "&language=ar").body()).doesNotContain(post.slug());
        assertThat(reader.get("/news?region=" + corner.south().slug()).body()).doesNotContain(post.slug());
        HttpResponse<String> page = reader.get("/news/" + post.slug());
        assertThat(page.body()).contains("/directory/" + corner.member().slug()).contains(corner.member().name());
        // a statement is not a news post
        assertThat(reader.get("/statements/" + post.slug()).statusCode()).isEqualTo(404);
        assertThat(reader.get("/news?page=abc").statusCode()).isEqualTo(200);
    }

    @Test
    void aTranslationIntoALanguageTheNetworkDoesNotUseIsRefusedNextToTheField() {
        Publication p = fixtures.create(PublicationFixtures.draft(PublicationKind.STATEMENT, PublicationStatus.DRAFT), "A");
        TestStaff.Login admin = staff.networkAdmin();
        WebClient signedIn = new WebClient(port).signedIn(admin.email(), admin.password());
        HttpResponse<String> refused = signedIn.post("/admin/publications/" + p.id() + "/translations",
                Map.of("language", "de", "title", "Gemeinsame Erklärung", "body", "Text"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"language-error\"").contains("does not publish in this language");
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM publication_translation WHERE publication_id = :id")
                .param("id", p.id()).query(Integer.class).single()).isEqualTo(1);
        HttpResponse<String> tooLong = signedIn.post("/admin/publications/" + p.id() + "/translations",
                Map.of("language", "fr", "title", "Déclaration", "body", "x".repeat(200_001)));
        assertThat(tooLong.body()).contains("id=\"body-error\"").contains("200,000");
        HttpResponse<String> saved = signedIn.post("/admin/publications/" + p.id() + "/translations",
                Map.of("language", "fr", "title", "Déclaration commune", "body", "Texte", "translator", "Ana Lopes"));
        assertThat(WebClient.location(saved)).endsWith("/admin/publications/" + p.id() + "/translations/fr");
    }

    @Test
    void theRevisionDiffMarksChangedWordsAndShowsMarkupAsText() {
        Publication p = fixtures.create(PublicationFixtures.draft(PublicationKind.STATEMENT, PublicationStatus.DRAFT), "A");
        editing.saveTranslation(p.id(), "en", new PublicationEditing.Text("Title", "", "Harbours are shared.", null), "Writer One");
        editing.saveTranslation(p.id(), "en", new PublicationEditing.Text("Title", "",
                "Harbours are shared by all. <script>alert(1)</script>", null), "Writer Two");
        List<PublicationEditing.Revision> revisions = editing.revisions(p.id());
        TestStaff.Login admin = staff.networkAdmin();
        WebClient signedIn = new WebClient(port).signedIn(admin.email(), admin.password());
        String list = signedIn.get("/admin/publications/" + p.id() + "/revisions").body();
        assertThat(list).contains("Writer One").contains("Writer Two");
        String diff = signedIn.get("/admin/publications/" + p.id() + "/revisions/diff?from=" + revisions.get(1).id()
                + "&to=" + revisions.get(0).id()).body();
        assertThat(diff).contains("<ins>").contains("&lt;script&gt;").doesNotContain("<script>alert");
        // a revision of another publication is not found here
        Publication other = fixtures.create(PublicationFixtures.draft(PublicationKind.NEWS, PublicationStatus.DRAFT), "B");
        long foreign = editing.revisions(other.id()).getFirst().id();
        assertThat(signedIn.get("/admin/publications/" + p.id() + "/revisions/diff?from=" + foreign + "&to=" + revisions.get(0).id())
                .statusCode()).isEqualTo(404);
        assertThat(signedIn.post("/admin/publications/" + p.id() + "/revisions/" + foreign + "/restore", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theShareCardCarriesTheCoverAsAnAbsoluteAddressAndTheSummary() {
        Publication p = fixtures.publishedNews();
        editing.setCoverImage(p.id(), "0123456789abcdef0123456789abcdef.jpg");
        String page = new WebClient(port).get("/news/" + p.slug()).body();
        assertThat(page).containsPattern("property=\"og:image\" content=\"https?://[^\"]+/media/0123456789abcdef0123456789abcdef.jpg\"")
                .contains("name=\"twitter:card\" content=\"summary_large_image\"")
                .contains("property=\"og:description\" content=\"Member organizations agree on a shared position.\"")
                .contains("property=\"og:type\" content=\"article\"");
        assertThat(new WebClient(port).get("/news").body()).contains("/media/0123456789abcdef0123456789abcdef.jpg");
    }

    @Test
    void organizationEditorsWriteNewsOfTheirOwnOrganizationOnly() {
        MemberNetworkFixtures.Corner corner = network.corner();
        TestStaff.Login editor = staff.create(org.convene.accounts.StaffRole.ORG_EDITOR, corner.member().id());
        WebClient signedIn = new WebClient(port).signedIn(editor.email(), editor.password());
        Publication statement = fixtures.draftStatement();
        assertThat(signedIn.get("/admin/publications/" + statement.id()).statusCode()).isEqualTo(403);
        assertThat(signedIn.post("/admin/publications", Map.of("kind", "STATEMENT", "language", "en", "title", "Not allowed",
                "dated", "2026-11-20")).statusCode()).isEqualTo(403);
        assertThat(signedIn.post("/admin/publications", Map.of("kind", "NEWS", "language", "en", "title", "Other organization",
                "dated", "2026-11-20", "organizationIds", String.valueOf(corner.outsider().id()))).statusCode()).isEqualTo(403);
        HttpResponse<String> created = signedIn.post("/admin/publications", Map.of("kind", "NEWS", "language", "en",
                "title", "Our assembly " + corner.tag(), "dated", "2026-11-20", "organizationIds", String.valueOf(corner.member().id())));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(signedIn.get(WebClient.location(created).replaceFirst("^https?://[^/]+", "")).statusCode()).isEqualTo(200);
        assertThat(signedIn.get("/admin/publications").body()).contains("Our assembly " + corner.tag())
                .doesNotContain(statement.slug());
    }

    @Test
    void theEditorRefusesAScheduleInThePastNextToTheField() {
        Publication p = fixtures.create(PublicationFixtures.draft(PublicationKind.STATEMENT, PublicationStatus.DRAFT), "A");
        TestStaff.Login admin = staff.networkAdmin();
        WebClient signedIn = new WebClient(port).signedIn(admin.email(), admin.password());
        HttpResponse<String> refused = signedIn.post("/admin/publications/" + p.id() + "/status",
                Map.of("status", "PUBLISHED", "publishAt", "2020-01-01T09:00"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"publishAt-error\"").contains("already passed");
        assertThat(new WebClient(port).get("/statements/" + p.slug()).statusCode()).isEqualTo(404);
        HttpResponse<String> scheduled = signedIn.post("/admin/publications/" + p.id() + "/status",
                Map.of("status", "PUBLISHED", "publishAt", "2099-01-01T09:00"));
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(signedIn.get("/admin/publications/" + p.id()).body()).contains("2099-01-01 09:00");
        assertThat(new WebClient(port).get("/statements/" + p.slug()).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherHostHeaderDoesNotPoisonTheCachedPage() throws Exception {
        Publication p = fixtures.publishedStatement();
        WebClient reader = new WebClient(port);
        java.net.http.HttpRequest forged = reader.request("/statements/" + p.slug()).header("X-Forwarded-Host", "attacker.example")
                .GET().build();
        // the forged host shows in that response's own absolute links (the language switcher) ...
        assertThat(reader.send(forged).body()).contains("attacker.example");
        // ... but not in the copy kept for everybody else
        assertThat(reader.get("/statements/" + p.slug()).body()).doesNotContain("attacker.example");
    }

    @Test
    void signatoriesAreAddedAndRemovedWithoutJavaScriptAndSavedInOrder() {
        Publication p = fixtures.create(PublicationFixtures.draft(PublicationKind.STATEMENT, PublicationStatus.DRAFT), "A");
        TestStaff.Login admin = staff.networkAdmin();
        WebClient signedIn = new WebClient(port).signedIn(admin.email(), admin.password());
        String path = "/admin/publications/" + p.id();
        Map<String, String> rows = new java.util.LinkedHashMap<>(Map.of("dated", "2026-11-20",
                "signatories[0].name", "Amaru Quispe", "signatories[0].role", "Treasurer",
                "signatories[1].name", "Lea Novak", "signatories[1].role", "Chairperson"));
        rows.put("removeSignatory", "0");
        String afterRemove = signedIn.post(path, rows).body();
        assertThat(afterRemove).contains("value=\"Lea Novak\"").doesNotContain("Amaru Quispe");
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM publication_signatory WHERE publication_id = :id").param("id", p.id())
                .query(Integer.class).single()).isZero();
        rows.remove("removeSignatory");
        rows.put("addSignatory", "1");
        assertThat(signedIn.post(path, rows).body()).contains("id=\"signatories2.name\"");
        rows.remove("addSignatory");
        assertThat(signedIn.post(path, rows).statusCode()).isEqualTo(302);
        assertThat(fixtures.jdbc().sql("SELECT name FROM publication_signatory WHERE publication_id = :id ORDER BY position")
                .param("id", p.id()).query(String.class).list()).containsExactly("Amaru Quispe", "Lea Novak");
    }
}
