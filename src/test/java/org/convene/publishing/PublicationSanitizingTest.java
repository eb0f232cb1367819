package org.convene.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.platform.text.RichText;
import org.junit.jupiter.api.Test;

/** What a statement's Markdown may not smuggle into its page: the sanitizer's allow-list strips each of these. */
class PublicationSanitizingTest {

    @Test
    void scriptsAreRemoved() {
        String html = RichText.toHtml("Hello <script>alert(1)</script>\n\n<script>alert(2)</script>");
        assertThat(html).doesNotContain("<script").contains("Hello");
    }

    @Test
    void eventHandlersAreRemoved() {
        String html = RichText.toHtml("<img src=\"https://example.org/a.png\" onerror=\"alert(1)\">\n\n![x](https://example.org/b.png\" onload=\"alert(1))");
        assertThat(html).doesNotContain("onerror=").doesNotContain("onload=");
    }

    @Test
    void javascriptUrlsAreRemovedFromLinksAndImages() {
        String html = RichText.toHtml("[click](javascript:alert(1)) ![pic](javascript:alert(2)) <a href=\"javascript:alert(3)\">x</a>");
        // no link or image points at javascript:, and raw HTML is shown as text, not markup
        assertThat(html.toLowerCase()).doesNotContain("href=\"javascript").doesNotContain("src=\"javascript")
                .doesNotContain("<a href=\"javascript").contains("&lt;a href");
    }

    @Test
    void dataUrlsAreRemoved() {
        String html = RichText.toHtml("![pixel](data:image/png;base64,iVBORw0KGgo=) [doc](data:text/html;base64,PHNjcmlwdD4=)");
        assertThat(html).doesNotContain("data:");
    }

    @Test
    void stylesAreRemoved() {
        String html = RichText.toHtml("<style>body{display:none}</style>\n\n<p style=\"position:fixed\">x</p>\n\n**bold**");
        assertThat(html).doesNotContain("<style").doesNotContain("style=").contains("<strong>bold</strong>");
    }

    @Test
    void iframesAreRemoved() {
        String html = RichText.toHtml("<iframe src=\"https://example.org/\"></iframe>\n\nText");
        assertThat(html).doesNotContain("<iframe").contains("Text");
    }

    @Test
    void httpsImagesAndStoredImagesKeepTheirAltText() {
        String html = RichText.toHtml("![Members at the assembly](https://example.org/assembly.jpg)\n\n"
                + "![A banner](/media/0123456789abcdef0123456789abcdef.jpg)\n\n![elsewhere](/admin/secret.png)");
        assertThat(html).contains("<img src=\"https://example.org/assembly.jpg\" alt=\"Members at the assembly\" />")
                .contains("<img src=\"/media/0123456789abcdef0123456789abcdef.jpg\" alt=\"A banner\" />")
                .doesNotContain("/admin/secret.png");
    }

    @Test
    void headingsLinksAndQuotesStay() {
        String html = RichText.toHtml("## Position\n\n> Quoted\n\n[dossier](https://example.org/d)");
        assertThat(html).contains("<h2>Position</h2>").contains("<blockquote>")
                .contains("href=\"https://example.org/d\"");
    }
}
