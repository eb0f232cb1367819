package org.convene.publishing.pages;

import java.util.List;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.Signatory;
import org.convene.publishing.internal.Translation;

/**
 * What a statement's or news post's page shows, in the language the reader sees.
 *
 * @param requested the language the reader asked for, when it is not offered (the page then falls back); else null
 */
record PublicationPage(Publication publication, Translation text, String dir, String requested, String bodyHtml,
                       String description, List<LanguageLink> languages, List<Link> organizations, List<Signatory> signatories,
                       Link campaign, Link event, String coverUrl, String pageUrl, String canonicalUrl, String regionName,
                       boolean preview) {

    record LanguageLink(String code, String name, String href, String absoluteHref, boolean current, String dir) {
    }

    record Link(String name, String href) {
    }

    public boolean statement() {
        return publication.kind() == org.convene.publishing.internal.PublicationKind.STATEMENT;
    }
}
