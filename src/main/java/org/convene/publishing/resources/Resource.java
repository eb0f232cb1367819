package org.convene.publishing.resources;

import java.time.LocalDate;
import java.util.List;
import org.convene.platform.i18n.TranslatedText;

/**
 * A resource as stored.
 *
 * @param languages the languages the document itself is written in
 * @param fileName  the media module's name of the stored file (null for a link)
 * @param downloads downloads and click-throughs counted so far
 */
public record Resource(long id, String slug, ResourceKind kind, TranslatedText title, TranslatedText description,
                       List<String> languages, List<String> tags, Long campaignId, Long organizationId, LocalDate publishedOn,
                       ResourceStatus status, String fileName, String fileType, Long fileSize, String url, long downloads) {

    public boolean isPublished() {
        return status == ResourceStatus.PUBLISHED;
    }

    public boolean isLink() {
        return kind == ResourceKind.LINK;
    }
}
