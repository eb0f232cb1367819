package org.convene.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.directory.internal.OrganizationService;
import org.convene.events.EventFixtures;
import org.convene.events.MemberNetworkFixtures;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.Events;
import org.convene.events.internal.EventStatus;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search over events and organizations (kept current by their modules), in each text's language,
 * with highlighted, escaped snippets and filters; and the bad input of the page and the API.
 */
@ConveneTest
class SearchTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures events;
    @Autowired
    MemberNetworkFixtures network;
    @Autowired
    OrganizationService organizations;
    @Autowired
    SearchIndex index;
    @Autowired
    Events eventService;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyLanguageOfAnEventIsFoundWithItsOwnStemmingAndACancelledEventIsNot() throws Exception {
        Event event = events.published(EventFormat.IN_PERSON, 10);
        String tag = event.title().in("en").substring("Regional assembly ".length());

        // English stemming: "assemblies" finds "assembly"; the tag narrows it to this event.
        JsonNode english = api("q=" + enc("assemblies " + tag) + "&kind=event");
        assertThat(english.get("results")).hasSize(1);
        assertThat(english.get("results").get(0).get("titleHtml").asString()).contains("<mark>assembly</mark>");
        assertThat(english.get("results").get(0).get("url").asString()).isEqualTo("http://localhost:8080/events/" + event.slug());

        // Spanish and Arabic titles are documents of their own, parsed with their own configuration ("regionales" finds "regional").
        assertThat(jdbc.sql("SELECT language FROM search_document WHERE kind = 'EVENT' AND ref_id = :id").param("id", event.id())
                .query(String.class).list()).containsExactlyInAnyOrder("en", "es", "ar");
        JsonNode spanish = api("q=" + enc("asamblea regionales") + "&lang=es&kind=event");
        assertThat(spanish.get("total").asLong()).isPositive();
        assertThat(spanish.get("results").findValuesAsString("language")).containsOnly("es");
        assertThat(spanish.get("results").get(0).get("titleHtml").asString()).isEqualTo("<mark>Asamblea</mark> <mark>regional</mark>");

        eventService.update(event.id(), EventDraft.of(event).withStatus(EventStatus.CANCELLED));
        assertThat(api("q=" + enc(tag)).get("results")).isEmpty();
    }

    @Test
    void organizationsAreFoundByRegionAndCountryAndDisappearWhenSuspended() throws Exception {
        MemberNetworkFixtures.Corner corner = network.corner();
        JsonNode byRegion = api("q=" + enc("lakeside " + corner.tag()) + "&region=" + corner.north().id());
        assertThat(ids(byRegion)).containsExactly(corner.member().id());
        assertThat(api("q=" + enc("lakeside " + corner.tag()) + "&region=" + corner.south().id()).get("results")).isEmpty();
        assertThat(ids(api("q=" + enc(corner.tag()) + "&kind=organization&country=cl"))).containsExactly(corner.outsider().id());

        organizations.setStatus(corner.outsider().id(), "SUSPENDED");
        assertThat(api("q=" + enc(corner.tag()) + "&kind=organization&country=CL").get("results")).isEmpty();
    }

    @Test
    void snippetsAreEscapedBeforeTheMatchesAreMarked() throws Exception {
        long ref = 900_000_000L + (long) (Math.random() * 1_000_000);
        String word = "zanzibarite" + ref;
        index.put(new SearchDocument(SearchKind.RESOURCE, ref, "en", "<script>alert(1)</script> " + word,
                "Before <img src=x onerror=alert(2)> the " + word + " & after \u0001 stray marker", "/resources/" + ref,
                null, null, null, Instant.now()));
        try {
            JsonNode hit = api("q=" + enc(word)).get("results").get(0);
            assertThat(hit.get("titleHtml").asString()).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <mark>" + word + "</mark>");
            assertThat(hit.get("snippet").asString()).contains("&lt;img src=x onerror=alert(2)&gt;")
                    .contains("<mark>" + word + "</mark>").contains("&amp; after").doesNotContain("<img").doesNotContain("\u0001");
            String page = get("/search?q=" + enc(word)).body();
            assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>" + word + "</mark>").doesNotContain("<script>alert(1)");
        } finally {
            index.remove(SearchKind.RESOURCE, ref);
        }
    }

    @Test
    void queriesWithOperatorsOrOnlyCommonWordsAnswerWithoutAnError() throws Exception {
        for (String q : List.of("'&|!:*()<>\\\"", "water & | ! (", "\"unclosed phrase", "-", "or or or", "a:* & !b <-> c")) {
            HttpResponse<String> api = get("/api/v1/search?q=" + enc(q));
            assertThat(api.statusCode()).as(q).isEqualTo(200);
            assertThat(get("/search?q=" + enc(q)).statusCode()).as(q).isEqualTo(200);
        }
        JsonNode stopWords = api("q=" + enc("the and of"));
        assertThat(stopWords.get("onlyCommonWords").asBoolean()).isTrue();
        assertThat(stopWords.get("results")).isEmpty();
        assertThat(get("/search?q=" + enc("the and of")).body()).contains("only words too common");
    }

    @Test
    void aThousandCharacterQueryIsRefusedWithAMessage() throws Exception {
        String q = "water ".repeat(167).substring(0, 1000);
        HttpResponse<String> api = get("/api/v1/search?q=" + enc(q));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json.readTree(api.body()).get("errors").get(0).get("field").asString()).isEqualTo("q");

        HttpResponse<String> page = get("/search?q=" + enc(q));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"q-error\"").contains("longer than 200 characters");
    }

    @Test
    void unknownKindsLanguagesAndPagesAreRefusedNextToTheirField() throws Exception {
        for (Map.Entry<String, String> bad : Map.of("kind", "kind=podcast", "lang", "lang=xx", "country", "country=Portugal",
                "region", "region=north", "page", "page=0", "size", "size=500").entrySet()) {
            HttpResponse<String> api = get("/api/v1/search?q=water&" + bad.getValue());
            assertThat(api.statusCode()).as(bad.getValue()).isEqualTo(400);
            assertThat(json.readTree(api.body()).get("errors").findValuesAsString("field")).as(bad.getValue()).contains(bad.getKey());
        }
        HttpResponse<String> kind = get("/search?q=water&kind=podcast");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("id=\"kind-error\"").contains("Unknown kind");
        HttpResponse<String> language = get("/search?q=water&language=xx");
        assertThat(language.body()).contains("id=\"language-error\"").contains("Unknown language");
        HttpResponse<String> arabic = get("/search?q=water&kind=podcast&lang=ar");
        assertThat(arabic.body()).contains("نوع غير معروف");
    }

    @Test
    void beyondAThousandMatchesTheCountSaysAtLeastAndFewerAreCountedExactly() throws Exception {
        long first = 910_000_000L + (long) (Math.random() * 1_000_000) * 10_000;
        String word = "quorvalith" + first;
        // 1,004 English and Spanish texts with the word, one a day back from today, and 3 with a second word too.
        jdbc.sql("""
                INSERT INTO search_document (kind, ref_id, language, config, title, body, url_path, published_at)
                SELECT 'RESOURCE', :first + g, l.language, CAST(l.config AS regconfig), 'Water dossier ' || :word,
                       CASE WHEN g < 3 THEN 'the pump ' || :word || ' ' || :word || 'x' ELSE 'the pump ' || :word END,
                       '/resources/' || (:first + g), now() - make_interval(days => g)
                FROM generate_series(0, 1003) g,
                     LATERAL (SELECT CASE WHEN g % 2 = 0 THEN 'en' ELSE 'es' END AS language,
                                     CASE WHEN g % 2 = 0 THEN 'english' ELSE 'spanish' END AS config) l""")
                .param("first", first).param("word", word).update();
        try {
            JsonNode many = api("q=" + enc(word));
            assertThat(many.get("total").asLong()).isEqualTo(1000);
            assertThat(many.get("totalAtLeast").asBoolean()).isTrue();
            assertThat(many.get("results")).hasSize(20);
            assertThat(get("/search?q=" + enc(word)).body()).contains("1,000+ results, page 1 of 50");
            HttpResponse<String> spanish = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/search?q=" + enc(word)))
                    .header("Accept-Language", "es").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(spanish.body()).contains("1.000 resultados o más, página 1 de 50");

            JsonNode few = api("q=" + enc(word + " " + word + "x"));
            assertThat(few.get("total").asLong()).isEqualTo(3);
            assertThat(few.get("totalAtLeast").asBoolean()).isFalse();
            assertThat(few.get("results").findValuesAsString("language")).containsExactlyInAnyOrder("en", "es", "en");
            assertThat(get("/search?q=" + enc(word + " " + word + "x")).body()).contains("3 results, page 1 of 1");
        } finally {
            jdbc.sql("DELETE FROM search_document WHERE kind = 'RESOURCE' AND ref_id BETWEEN :first AND :first + 1003")
                    .param("first", first).update();
        }
    }

    @Test
    void theHeaderOfEveryPageHasTheSearchBox() throws Exception {
        for (String path : List.of("/", "/events", "/directory")) {
            assertThat(get(path).body()).as(path).contains("action=\"/search\"").contains("id=\"site-search-q\"")
                    .contains("<label class=\"visually-hidden\" for=\"site-search-q\">Search the site</label>");
        }
    }

    @Test
    void theSearchApiIsInTheOpenApiDocument() throws Exception {
        JsonNode search = json.readTree(get("/api/openapi.json").body()).get("paths").get("/api/v1/search");
        assertThat(search).isNotNull();
        assertThat(search.get("get").get("parameters").findValuesAsString("name")).contains("q", "kind", "lang", "region", "country");
    }

    private static List<Long> ids(JsonNode results) {
        return results.get("results").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    private JsonNode api(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/search?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
