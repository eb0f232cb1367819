package org.convene.publishing.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convene.campaigns.CampaignDirectory;
import org.convene.directory.MemberDirectory;
import org.convene.events.EventDirectory;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.text.RichText;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.Publications;
import org.convene.publishing.internal.Translation;
import org.springframework.stereotype.Component;

/** Builds the public page of a statement or news post (and its preview for staff). */
@Component
class PublicationPages {

    private final Publications publications;
    private final MemberDirectory directory;
    private final CampaignDirectory campaigns;
    private final EventDirectory events;
    private final PlatformProperties platform;

    PublicationPages(Publications publications, MemberDirectory directory, CampaignDirectory campaigns, EventDirectory events,
                     PlatformProperties platform) {
        this.publications = publications;
        this.directory = directory;
        this.campaigns = campaigns;
        this.events = events;
        this.platform = platform;
    }

    static String basePath(PublicationKind kind) {
        return kind == PublicationKind.STATEMENT ? "/statements/" : "/news/";
    }

    /** The public page, if the publication is public now; only published languages are offered. */
    Optional<PublicationPage> publicPage(PublicationKind kind, String slug, String language) {
        return publications.findBySlug(slug)
                .filter(p -> p.kind() == kind && p.isPublic(Instant.now()))
                .flatMap(p -> page(p, language, false));
    }

    /** The page as it will look, for staff: every language, whatever its status. */
    Optional<PublicationPage> preview(long id, String language) {
        return publications.find(id).flatMap(p -> page(p, language, true));
    }

    private Optional<PublicationPage> page(Publication p, String language, boolean preview) {
        List<Translation> offered = publications.translations(p.id()).stream().filter(t -> preview || t.isPublished()).toList();
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        Translation shown = offered.stream().filter(t -> t.language().equals(language)).findFirst()
                .or(() -> offered.stream().filter(t -> t.language().equals(p.originalLanguage())).findFirst())
                .orElse(offered.getFirst());
        String path = preview ? "/admin/publications/" + p.id() + "/preview" : basePath(p.kind()) + p.slug();
        String canonicalPath = basePath(p.kind()) + p.slug();
        List<PublicationPage.LanguageLink> links = offered.stream()
                .map(t -> new PublicationPage.LanguageLink(t.language(), Languages.nativeName(t.language()),
                        path + "?lang=" + t.language(), platform.link(canonicalPath + "?lang=" + t.language()),
                        t.language().equals(shown.language()), dir(t.language())))
                .toList();
        List<PublicationPage.Link> organizations = new ArrayList<>();
        for (Long id : p.organizationIds()) {
            directory.organization(id).ifPresent(o -> organizations.add(new PublicationPage.Link(o.name(), "/directory/" + o.slug())));
        }
        PublicationPage.Link campaign = p.campaignId() == null ? null : campaigns.campaign(p.campaignId())
                .map(c -> new PublicationPage.Link(c.title().in(shown.language()), "/campaigns/" + c.slug())).orElse(null);
        PublicationPage.Link event = p.eventId() == null ? null : events.event(p.eventId())
                .map(e -> new PublicationPage.Link(e.title().in(shown.language()), "/events/" + e.slug())).orElse(null);
        String region = p.regionId() == null ? null : directory.regions().stream().filter(r -> r.id() == p.regionId())
                .findFirst().map(r -> r.name().in(shown.language())).orElse(null);
        String description = shown.summary() != null && !shown.summary().isBlank() ? shown.summary()
                : abbreviate(RichText.toPlainText(shown.body()), 200);
        String canonical = platform.link(shown.language().equals(p.originalLanguage()) ? canonicalPath
                : canonicalPath + "?lang=" + shown.language());
        return Optional.of(new PublicationPage(p, shown, dir(shown.language()),
                language != null && !language.equals(shown.language()) ? language : null,
                RichText.toHtml(shown.body()), description, links, organizations, publications.signatories(p.id()), campaign, event,
                p.coverImage() == null ? null : platform.link("/media/" + p.coverImage()), platform.link(canonicalPath), canonical,
                region, preview));
    }

    static String dir(String language) {
        return Languages.isRightToLeft(Locale.forLanguageTag(language)) ? "rtl" : "ltr";
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
