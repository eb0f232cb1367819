package org.convene.platform.text;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Texts staff write in Markdown (a campaign's call, a statement, news), shown as HTML. Raw HTML in
 * the Markdown is escaped, and the rendered HTML then goes through an allow-list sanitizer: text
 * formatting, headings, lists, quotes, code, tables and http(s)/mailto links only (no images,
 * scripts, styles or event handlers), so the result is safe to insert unescaped ({@code th:utext}).
 */
public final class RichText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .toFactory());

    private RichText() {
    }

    /** Safe HTML for a Markdown text; empty for null or blank. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** The text without any markup, for a page description or a share preview. */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = toHtml(markdown);
        String text = java.util.regex.Pattern.compile("&#(\\d{1,7});").matcher(html.replaceAll("<[^>]*>", " "))
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))))
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }
}
