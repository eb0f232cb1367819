package org.convene.newsletter.internal;

import java.util.List;
import java.util.Locale;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The plain rendering of an edition: its number, subject, introduction and text blocks, with the
 * footer every newsletter carries (why you get it, preferences, unsubscribe). The editions work
 * replaces it with the full composer's rendering of every kind of block.
 */
@Component
class BasicEditionRendering implements EditionRendering {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    BasicEditionRendering(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public RenderedEdition render(long editionId, String language) {
        Locale locale = Locale.forLanguageTag(language);
        record Head(int year, int number, TranslatedText subject, TranslatedText introduction) {
        }
        Head head = jdbc.sql("SELECT year, number, subject::text, introduction::text FROM edition WHERE id = :id").param("id", editionId)
                .query((rs, n) -> new Head(rs.getInt(1), rs.getInt(2), TranslatedTextJdbcConversions.fromJson(rs.getString(3)),
                        TranslatedTextJdbcConversions.fromJson(rs.getString(4)))).single();
        List<TranslatedText> texts = jdbc.sql("""
                        SELECT content -> 'text' FROM edition_block WHERE edition_id = :id AND kind = 'TEXT' ORDER BY position""")
                .param("id", editionId).query((rs, n) -> TranslatedTextJdbcConversions.fromJson(rs.getString(1))).list();
        String number = messages.getMessage("newsletter.edition.number", new Object[] {head.number(), String.valueOf(head.year())}, locale);
        String subject = number + ": " + head.subject().in(language);
        StringBuilder text = new StringBuilder(subject).append("\n\n").append(head.introduction().in(language)).append("\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"").append(language).append("\"><body>")
                .append("<h1>").append(HtmlUtils.htmlEscape(subject)).append("</h1>")
                .append(paragraphs(head.introduction().in(language)));
        for (TranslatedText block : texts) {
            text.append(block.in(language)).append("\n\n");
            html.append(paragraphs(block.in(language)));
        }
        String preferences = messages.getMessage("newsletter.footer.preferences", null, locale);
        String unsubscribe = messages.getMessage("newsletter.footer.unsubscribe", null, locale);
        text.append("--\n").append(preferences).append(": ").append(RenderedEdition.PREFERENCES_URL).append('\n')
                .append(unsubscribe).append(": ").append(RenderedEdition.UNSUBSCRIBE_URL).append('\n');
        html.append("<hr><p><a href=\"").append(RenderedEdition.PREFERENCES_URL).append("\">").append(HtmlUtils.htmlEscape(preferences))
                .append("</a> · <a href=\"").append(RenderedEdition.UNSUBSCRIBE_URL).append("\">").append(HtmlUtils.htmlEscape(unsubscribe))
                .append("</a></p></body></html>");
        return new RenderedEdition(subject, html.toString(), text.toString());
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }
}
