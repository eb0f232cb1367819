package org.convene.newsletter;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Subscribers and editions for tests, written straight into their tables so that tests of one part
 * (sending, say) do not depend on the forms of another (subscribing, composing).
 */
@Component
public class NewsletterFixtures {

    private final JdbcClient jdbc;

    NewsletterFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    /** A confirmed subscriber. */
    public long subscribed(String email, String language) {
        return subscriber(email, language, "SUBSCRIBED", null, List.of());
    }

    public long subscriber(String email, String language, String status, Long regionId, List<String> topics) {
        return jdbc.sql("""
                        INSERT INTO subscriber (email, name, language, region_id, topics, status, consent_at, consent_source, consent_text,
                            confirmed_at)
                        VALUES (:email, 'Test Reader', :language, :region, CAST(:topics AS text[]), :status, now(), 'test', 'Consent text',
                            CASE WHEN :status = 'SUBSCRIBED' THEN now() END)
                        RETURNING id""")
                .param("email", email).param("language", language).param("region", regionId)
                .param("topics", "{" + String.join(",", topics) + "}").param("status", status)
                .query(Long.class).single();
    }

    /** A draft edition with a unique number in 2026, an introduction and one text block, in English and Spanish. */
    public long edition(String subject) {
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM edition WHERE year = 2026").query(Integer.class).single();
        long id = jdbc.sql("""
                        INSERT INTO edition (year, number, subject, introduction) VALUES (2026, :number, :subject, :intro) RETURNING id""")
                .param("number", number)
                .param("subject", TranslatedTextJdbcConversions.jsonb(new TranslatedText("en", Map.of("en", subject, "es", subject + " (es)"))))
                .param("intro", TranslatedTextJdbcConversions.jsonb(new TranslatedText("en", Map.of(
                        "en", "Dear readers,\n\nthe network met in Lisbon.", "es", "Queridas lectoras,\n\nla red se reunió en Lisboa."))))
                .query(Long.class).single();
        jdbc.sql("INSERT INTO edition_block (edition_id, position, kind, content) VALUES (:id, 1, 'TEXT', CAST(:content AS jsonb))")
                .param("id", id)
                .param("content", "{\"text\":" + TranslatedTextJdbcConversions.toJson(new TranslatedText("en", Map.of(
                        "en", "Registration for the assembly is open.", "es", "La inscripción para la asamblea está abierta."))) + "}")
                .update();
        return id;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
