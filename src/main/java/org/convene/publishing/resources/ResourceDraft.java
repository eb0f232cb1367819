package org.convene.publishing.resources;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.convene.platform.i18n.TranslatedText;

/**
 * What staff send to create or change a resource. A new resource has either a file or a link; a
 * changed file resource keeps its file unless a new one is sent.
 *
 * @param publishedOn the publication date shown; today when null
 * @param file        the uploaded file, or null
 */
public record ResourceDraft(TranslatedText title, TranslatedText description, List<String> languages, List<String> tags,
                            Long campaignId, Long organizationId, LocalDate publishedOn, ResourceStatus status, String url,
                            Upload file) {

    /** An uploaded file's bytes and the size its sender declared (-1 when unknown). */
    public record Upload(InputStream content, long declaredSize) {
    }

    public ResourceDraft {
        languages = languages == null ? List.of() : languages;
        tags = tags == null ? List.of() : tags;
    }
}
