package org.convene.publishing.resources;

import java.util.List;
import java.util.Locale;
import org.convene.campaigns.CampaignDirectory;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.Languages;

/** A resource as a page shows it to a reader of one language. */
record ResourceView(Resource resource, String title, String titleLang, String description, String descriptionLang,
                    List<LanguageName> languages, CampaignDirectory.CampaignEntry campaign, String campaignTitle,
                    MemberDirectory.MemberOrganization organization, String size, String extension, String href,
                    long downloads) {

    record LanguageName(String code, String name) {
    }

    static ResourceView of(Resource r, Locale locale, CampaignDirectory campaigns, MemberDirectory directory, long pendingDownloads) {
        CampaignDirectory.CampaignEntry campaign = r.campaignId() == null ? null : campaigns.campaign(r.campaignId()).orElse(null);
        return new ResourceView(r, r.title().in(locale), r.title().languageShownFor(locale), r.description().in(locale),
                r.description().languageShownFor(locale),
                r.languages().stream().map(l -> new LanguageName(l, Languages.nativeName(l))).toList(), campaign,
                campaign == null ? null : campaign.title().in(locale),
                r.organizationId() == null ? null : directory.organization(r.organizationId()).orElse(null),
                r.fileSize() == null ? null : humanSize(r.fileSize(), locale),
                r.fileType() == null ? null : org.convene.media.Documents.extensionOf(r.fileType()).toUpperCase(Locale.ROOT),
                r.isLink() ? "/resources/" + r.id() + "/go" : "/resources/files/" + r.fileName(),
                r.downloads() + pendingDownloads);
    }

    /** The host a link goes to, shown next to the button so readers know where they are sent. */
    public String linkHost() {
        try {
            return resource.url() == null ? null : java.net.URI.create(resource.url()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String humanSize(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.0f KB", bytes / 1024.0);
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
