package org.convene.publishing.pages;

import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.convene.directory.MemberDirectory;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.NotFoundException;
import org.convene.publishing.internal.NewsCategory;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.signon.SignOnPages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages: the statement and news lists and each statement's and news post's page, plus the
 * staff preview. Anonymous pages carry no per-session state (no session, no CSRF token), so that
 * {@link PublicPageCache} can keep and share them.
 */
@Controller
class PublicationPagesController {

    private final PublicationPages pages;
    private final PublicationListing listing;
    private final MemberDirectory directory;
    private final PlatformProperties platform;
    private final SignOnPages signOn;

    PublicationPagesController(PublicationPages pages, PublicationListing listing, MemberDirectory directory,
                               PlatformProperties platform, SignOnPages signOn) {
        this.signOn = signOn;
        this.pages = pages;
        this.listing = listing;
        this.directory = directory;
        this.platform = platform;
    }

    @PermitAll
    @GetMapping("/statements")
    String statements(@RequestParam(required = false) String page, Locale locale, Model model) {
        PublicationListing.Filters filters = new PublicationListing.Filters(null, null, null, null, pageNumber(page));
        model.addAttribute("found", listing.find(PublicationKind.STATEMENT, filters, locale.getLanguage()));
        model.addAttribute("filters", filters);
        return "publishing/statement-list";
    }

    @PermitAll
    @GetMapping("/news")
    String news(@RequestParam(required = false) String category, @RequestParam(required = false) String region,
                @RequestParam(required = false) String country, @RequestParam(required = false) String language,
                @RequestParam(required = false) String page, Locale locale, Model model) {
        PublicationListing.Filters filters = new PublicationListing.Filters(category, region, country, language, pageNumber(page));
        model.addAttribute("found", listing.find(PublicationKind.NEWS, filters, locale.getLanguage()));
        model.addAttribute("filters", filters);
        model.addAttribute("categories", NewsCategory.values());
        model.addAttribute("regions", directory.regions());
        model.addAttribute("languages", Languages.SUPPORTED);
        model.addAttribute("languageNames", Languages.SUPPORTED.stream()
                .collect(java.util.stream.Collectors.toMap(l -> l, Languages::nativeName)));
        return "publishing/news-list";
    }

    @PermitAll
    @GetMapping("/statements/{slug}")
    String statement(@PathVariable String slug, @RequestParam(required = false) String lang, Locale locale, Model model) {
        return show(PublicationKind.STATEMENT, slug, lang, locale, model);
    }

    @PermitAll
    @GetMapping("/news/{slug}")
    String newsPost(@PathVariable String slug, @RequestParam(required = false) String lang, Locale locale, Model model) {
        return show(PublicationKind.NEWS, slug, lang, locale, model);
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @GetMapping("/admin/publications/{id}/preview")
    String preview(@PathVariable long id, @RequestParam(required = false) String lang, Locale locale, Model model) {
        PublicationPage page = pages.preview(id, Languages.isSupported(lang) ? lang : null)
                .orElseThrow(() -> new NotFoundException("No such publication"));
        model.addAttribute("page", page);
        return page.statement() ? "publishing/statement-page" : "publishing/news-page";
    }

    private String show(PublicationKind kind, String slug, String lang, Locale locale, Model model) {
        String wanted = Languages.isSupported(lang) ? lang : locale.getLanguage();
        PublicationPage page = pages.publicPage(kind, slug, wanted)
                .orElseThrow(() -> new NotFoundException("No such publication"));
        model.addAttribute("page", page);
        if (kind == PublicationKind.STATEMENT) {
            signOn.addTo(model, page.publication(), locale, "newest", 1, false);
        }
        return kind == PublicationKind.STATEMENT ? "publishing/statement-page" : "publishing/news-page";
    }

    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.min(10_000, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
