package org.convene.newsletter.internal;

/**
 * An edition in one language, ready to be personalised: the HTML and text contain the placeholders
 * {@link #UNSUBSCRIBE_URL} and {@link #PREFERENCES_URL}, which the sending engine replaces with
 * each recipient's signed links.
 */
public record RenderedEdition(String subject, String html, String text) {

    public static final String UNSUBSCRIBE_URL = "{{unsubscribe_url}}";
    public static final String PREFERENCES_URL = "{{preferences_url}}";

    public RenderedEdition personalised(String unsubscribeUrl, String preferencesUrl) {
        return new RenderedEdition(subject,
                html.replace(UNSUBSCRIBE_URL, escape(unsubscribeUrl)).replace(PREFERENCES_URL, escape(preferencesUrl)),
                text.replace(UNSUBSCRIBE_URL, unsubscribeUrl).replace(PREFERENCES_URL, preferencesUrl));
    }

    private static String escape(String url) {
        return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
