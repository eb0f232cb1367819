package org.convene.publishing.resources;

import jakarta.annotation.security.PermitAll;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.campaigns.CampaignDirectory;
import org.convene.directory.MemberDirectory;
import org.convene.media.Documents;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public resource library: the list with search, filters and pages (a plain GET form), a page
 * per resource, file downloads and click-throughs to links, each counted without knowing who.
 */
@Controller
class ResourcePagesController {

    static final int PAGE_SIZE = 20;

    private final Resources resources;
    private final ResourceLibrary library;
    private final DownloadCounter counter;
    private final Documents documents;
    private final CampaignDirectory campaigns;
    private final MemberDirectory directory;
    private final ResourceAccess access;
    private final PlatformProperties platform;
    private final MessageSource messages;

    ResourcePagesController(Resources resources, ResourceLibrary library, DownloadCounter counter, Documents documents,
                            CampaignDirectory campaigns, MemberDirectory directory, ResourceAccess access,
                            PlatformProperties platform, MessageSource messages) {
        this.resources = resources;
        this.library = library;
        this.counter = counter;
        this.documents = documents;
        this.campaigns = campaigns;
        this.directory = directory;
        this.access = access;
        this.platform = platform;
        this.messages = messages;
    }

    @PermitAll
    @GetMapping("/resources")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                @RequestParam(required = false) String language, @RequestParam(required = false) String tag,
                @RequestParam(required = false) String campaign, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String page, Model model, Locale locale) {
        ResourceLibrary.Filters filters = new ResourceLibrary.Filters(q, type, language, tag, campaign, sort, page);
        ResourceLibrary.Page found = library.find(filters, PAGE_SIZE);
        Map<String, String> errors = new LinkedHashMap<>();
        found.problems().forEach((field, code) -> errors.put(field, messages.getMessage(code, null, code, locale)));
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("found", found);
        model.addAttribute("resources", found.resources().stream().map(r -> view(r, locale)).toList());
        model.addAttribute("kinds", ResourceKind.values());
        model.addAttribute("languages", Languages.SUPPORTED.stream()
                .map(l -> new ResourceView.LanguageName(l, Languages.nativeName(l))).toList());
        model.addAttribute("tags", library.tags());
        model.addAttribute("campaigns", library.campaignIds().stream().map(campaigns::campaign).flatMap(java.util.Optional::stream)
                .map(c -> new CampaignOption(c.id(), c.title().in(locale))).toList());
        model.addAttribute("previousHref", found.number() > 1 ? pageHref(filters, found.number() - 1) : null);
        model.addAttribute("nextHref", found.more() ? pageHref(filters, found.number() + 1) : null);
        model.addAttribute("pageUrl", platform.link("/resources"));
        return "publishing/resources-list";
    }

    record CampaignOption(long id, String title) {
    }

    @PermitAll
    @GetMapping("/resources/{key}")
    String show(@PathVariable String key, Model model, Locale locale) {
        Resource resource = resources.find(key).filter(r -> r.isPublished() || access.mayPreview(r))
                .orElseThrow(() -> new NotFoundException("No such resource"));
        ResourceView view = view(resource, locale);
        model.addAttribute("view", view);
        model.addAttribute("pageUrl", platform.link("/resources/" + resource.slug()));
        model.addAttribute("imageUrl", resource.kind() == ResourceKind.IMAGE && resource.isPublished()
                ? platform.link("/resources/files/" + resource.fileName()) : null);
        return "publishing/resources-show";
    }

    /**
     * A stored file, as an attachment named after the resource's title. Stored names are random and
     * never reused (a replaced file gets a new one), so published files may be cached for a year.
     */
    @PermitAll
    @GetMapping("/resources/files/{name}")
    ResponseEntity<FileSystemResource> file(@PathVariable String name) {
        Resource resource = resources.findByFileName(name).orElseThrow(() -> new NotFoundException("No such file"));
        boolean published = resource.isPublished();
        if (!published && !access.mayPreview(resource)) {
            throw new NotFoundException("No such file");
        }
        Documents.DocumentFile file = documents.find(name).orElseThrow(() -> new NotFoundException("No such file"));
        if (published) {
            counter.count(resource.id());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(resource.fileType()))
                .contentLength(file.size())
                .cacheControl(published ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable() : CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + encode(downloadName(resource)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new FileSystemResource(file.file()));
    }

    /** A click-through to a link resource: counted, then sent on to the stored http(s) address and nowhere else. */
    @PermitAll
    @GetMapping("/resources/{id:\\d+}/go")
    ResponseEntity<Void> go(@PathVariable long id) {
        Resource resource = resources.find(id).filter(r -> r.isLink() && (r.isPublished() || access.mayPreview(r)))
                .orElseThrow(() -> new NotFoundException("No such link"));
        if (Resources.urlProblem(resource.url()) != null) {
            throw new NotFoundException("No such link");
        }
        if (resource.isPublished()) {
            counter.count(resource.id());
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(resource.url()))
                .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
    }

    private ResourceView view(Resource r, Locale locale) {
        return ResourceView.of(r, locale, campaigns, directory, counter.pending(r.id()));
    }

    private static String pageHref(ResourceLibrary.Filters f, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/resources");
        add(b, "q", f.q());
        add(b, "type", f.type());
        add(b, "language", f.language());
        add(b, "tag", f.tag());
        add(b, "campaign", f.campaign());
        add(b, "sort", f.sort());
        return b.queryParam("page", page).encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value);
        }
    }

    /** The title as a file name: letters and digits of any script kept, everything else a hyphen, plus the type's extension. */
    static String downloadName(Resource resource) {
        String title = Normalizer.normalize(resource.title().in(resource.title().fallback()), Normalizer.Form.NFKC);
        String safe = title.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80).replaceAll("-+$", "");
        }
        return (safe.isEmpty() ? "resource" : safe) + "." + Documents.extensionOf(resource.fileType());
    }

    /** RFC 8187 encoding: attr-chars as they are, every other byte of the UTF-8 form as %XX. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

}
