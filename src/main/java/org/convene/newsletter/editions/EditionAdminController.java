package org.convene.newsletter.editions;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.campaigns.CampaignDirectory;
import org.convene.directory.MemberDirectory;
import org.convene.events.EventDirectory;
import org.convene.media.Images;
import org.convene.media.RefusedImageException;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.convene.publishing.PublishedStatements;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The composer: network admins write an edition's head, add, edit, move and remove blocks, preview
 * it per language at phone and desktop widths, send tests, and schedule or send it. Every step is a
 * plain form (no JavaScript needed); once sending starts the edition is read-only.
 */
@Controller
class EditionAdminController {

    private static final String BASE = "/admin/newsletter/editions";

    private final Editions editions;
    private final MailEditionRendering rendering;
    private final TestSends testSends;
    private final MemberDirectory directory;
    private final CampaignDirectory campaigns;
    private final PublishedStatements statements;
    private final EventDirectory events;
    private final PartnerRoundupSource partnerItems;
    private final Images images;

    EditionAdminController(Editions editions, MailEditionRendering rendering, TestSends testSends, MemberDirectory directory,
                           CampaignDirectory campaigns, PublishedStatements statements, EventDirectory events,
                           PartnerRoundupSource partnerItems, Images images) {
        this.editions = editions;
        this.rendering = rendering;
        this.testSends = testSends;
        this.directory = directory;
        this.campaigns = campaigns;
        this.statements = statements;
        this.events = events;
        this.partnerItems = partnerItems;
        this.images = images;
    }

    @ModelAttribute("languageNames")
    Map<String, String> languageNames() {
        Map<String, String> names = new LinkedHashMap<>();
        Languages.SUPPORTED.forEach(l -> names.put(l, Languages.nativeName(l)));
        return names;
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("editions", editions.list());
        return "newsletter/edition-list";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(BASE + "/new")
    String newForm(Model model) {
        EditionForm form = new EditionForm();
        form.setYear(editions.thisYear());
        form.setNumber(editions.nextNumber(editions.thisYear()));
        model.addAttribute("form", form);
        addSegmentChoices(model);
        return "newsletter/edition-compose";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE)
    String create(@ModelAttribute("form") EditionForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Edition edition = editions.create(form.toDraft());
                redirect.addFlashAttribute("notice", "newsletter.editions.saved");
                return "redirect:" + BASE + "/" + edition.id();
            } catch (InvalidInputException invalid) {
                reject(invalid, errors, numberArgs(form));
            }
        }
        addSegmentChoices(model);
        return "newsletter/edition-compose";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(BASE + "/{id}")
    String compose(@PathVariable long id, Model model) {
        Edition edition = edition(id);
        model.addAttribute("form", EditionForm.of(edition));
        return composePage(edition, model);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") EditionForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Edition edition = edition(id);
        if (!edition.isEditable()) {
            return locked(id, redirect);
        }
        if (!errors.hasErrors()) {
            try {
                editions.update(id, form.toDraft());
                redirect.addFlashAttribute("notice", "newsletter.editions.saved");
                return "redirect:" + BASE + "/" + id;
            } catch (InvalidInputException invalid) {
                reject(invalid, errors, numberArgs(form));
            } catch (EditionLockedException e) {
                return locked(id, redirect);
            }
        }
        return composePage(edition, model);
    }

    // ---- blocks

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(BASE + "/{id}/blocks/new")
    String newBlock(@PathVariable long id, @RequestParam(defaultValue = "TEXT") BlockKind kind, Model model) {
        Edition edition = edition(id);
        BlockForm form = new BlockForm();
        form.setKind(kind);
        model.addAttribute("block", form);
        return blockPage(edition, null, model);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}/blocks")
    String addBlock(@PathVariable long id, @ModelAttribute("block") BlockForm form, BindingResult errors,
                    @RequestParam(name = "upload", required = false) MultipartFile upload, Model model, RedirectAttributes redirect) {
        Edition edition = edition(id);
        if (!edition.isEditable()) {
            return locked(id, redirect);
        }
        if (!errors.hasErrors() && store(upload, form, errors)) {
            try {
                editions.addBlock(id, form.toBlock());
                redirect.addFlashAttribute("notice", "newsletter.editions.block.saved");
                return "redirect:" + BASE + "/" + id + "#blocks";
            } catch (InvalidInputException invalid) {
                reject(invalid, errors);
            } catch (EditionLockedException e) {
                return locked(id, redirect);
            }
        }
        return blockPage(edition, null, model);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(BASE + "/{id}/blocks/{position}")
    String editBlock(@PathVariable long id, @PathVariable int position, Model model) {
        Edition edition = edition(id);
        Block block = edition.blocks().stream().filter(b -> b.position() == position).findFirst()
                .orElseThrow(() -> new NotFoundException("No such block"));
        model.addAttribute("block", BlockForm.of(block));
        return blockPage(edition, position, model);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}/blocks/{position}")
    String updateBlock(@PathVariable long id, @PathVariable int position, @ModelAttribute("block") BlockForm form, BindingResult errors,
                       @RequestParam(name = "upload", required = false) MultipartFile upload, Model model, RedirectAttributes redirect) {
        Edition edition = edition(id);
        if (!edition.isEditable()) {
            return locked(id, redirect);
        }
        if (!errors.hasErrors() && store(upload, form, errors)) {
            try {
                editions.updateBlock(id, position, form.toBlock());
                redirect.addFlashAttribute("notice", "newsletter.editions.block.saved");
                return "redirect:" + BASE + "/" + id + "#block-" + position;
            } catch (InvalidInputException invalid) {
                reject(invalid, errors);
            } catch (EditionLockedException e) {
                return locked(id, redirect);
            }
        }
        return blockPage(edition, position, model);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}/blocks/{position}/remove")
    String removeBlock(@PathVariable long id, @PathVariable int position, RedirectAttributes redirect) {
        try {
            editions.removeBlock(id, position);
            redirect.addFlashAttribute("notice", "newsletter.editions.block.removed");
            return "redirect:" + BASE + "/" + id + "#blocks";
        } catch (EditionLockedException e) {
            return locked(id, redirect);
        }
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}/blocks/{position}/move")
    String moveBlock(@PathVariable long id, @PathVariable int position, @RequestParam String direction, RedirectAttributes redirect) {
        try {
            editions.moveBlock(id, position, "up".equals(direction));
            int now = "up".equals(direction) ? Math.max(1, position - 1) : position + 1;
            return "redirect:" + BASE + "/" + id + "#block-" + now;
        } catch (EditionLockedException e) {
            return locked(id, redirect);
        }
    }

    // ---- preview, tests, schedule

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(BASE + "/{id}/preview")
    String preview(@PathVariable long id, @RequestParam(name = "language", required = false) String language, Model model) {
        Edition edition = edition(id);
        String shown = EditionContent.languageFor(edition, language == null ? edition.subject().fallback() : language);
        model.addAttribute("edition", edition);
        model.addAttribute("previewLanguage", shown);
        model.addAttribute("previewLanguages", Languages.SUPPORTED);
        model.addAttribute("subjectLine", rendering.render(edition, shown).subject());
        return "newsletter/edition-preview";
    }

    /** The mail's HTML alone, for the preview's sandboxed frames: its own policy lets its inline styles apply. */
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(value = BASE + "/{id}/preview/mail", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String previewMail(@PathVariable long id, @RequestParam(name = "language", required = false) String language,
                       HttpServletResponse response) {
        Edition edition = edition(id);
        response.setHeader("Content-Security-Policy", "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; "
                + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        return rendering.render(edition, language == null ? edition.subject().fallback() : language).html();
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}/test")
    String testSend(@PathVariable long id, @ModelAttribute("testSend") TestSendForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        Edition edition = edition(id);
        try {
            int sent = testSends.send(id, TestSends.addresses(form.getAddresses()), form.getLanguage());
            redirect.addFlashAttribute("notice", "newsletter.editions.test.sent");
            redirect.addFlashAttribute("noticeCount", sent);
            return "redirect:" + BASE + "/" + id + "#test";
        } catch (InvalidInputException invalid) {
            reject(invalid, errors);
        }
        model.addAttribute("form", EditionForm.of(edition));
        return composePage(edition, model);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}/schedule")
    String schedule(@PathVariable long id, @ModelAttribute("schedule") ScheduleForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        Edition edition = edition(id);
        if (!errors.hasErrors()) {
            try {
                if (form.getScheduledAt() == null) {
                    throw new InvalidInputException("scheduledAt", "newsletter.editions.error.scheduledMissing", "Choose a date and time.");
                }
                ZoneId zone;
                try {
                    zone = ZoneId.of(form.getTimeZone() == null || form.getTimeZone().isBlank() ? "UTC" : form.getTimeZone().strip());
                } catch (DateTimeException unknown) {
                    throw new InvalidInputException("timeZone", "newsletter.editions.error.timeZone", "Unknown time zone.");
                }
                editions.schedule(id, form.getScheduledAt().atZone(zone).toInstant());
                redirect.addFlashAttribute("notice", "newsletter.editions.scheduled");
                return "redirect:" + BASE + "/" + id + "#schedule";
            } catch (InvalidInputException invalid) {
                reject(invalid, errors);
            } catch (EditionLockedException e) {
                return locked(id, redirect);
            }
        }
        model.addAttribute("form", EditionForm.of(edition));
        return composePage(edition, model);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}/schedule/cancel")
    String cancelSchedule(@PathVariable long id, RedirectAttributes redirect) {
        try {
            editions.cancelSchedule(id);
            redirect.addFlashAttribute("notice", "newsletter.editions.scheduleCancelled");
            return "redirect:" + BASE + "/" + id + "#schedule";
        } catch (EditionLockedException e) {
            return locked(id, redirect);
        }
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(BASE + "/{id}/send-now")
    String confirmSendNow(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Edition edition = edition(id);
        if (!edition.isEditable()) {
            return locked(id, redirect);
        }
        model.addAttribute("edition", edition);
        model.addAttribute("recipients", editions.recipientCount(edition.segment()));
        return "newsletter/edition-send-now";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(BASE + "/{id}/send-now")
    String sendNow(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            editions.schedule(id, null);
            redirect.addFlashAttribute("notice", "newsletter.editions.sendingSoon");
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("problem", invalid.errors().getFirst().code());
            return "redirect:" + BASE + "/" + id + "#schedule";
        } catch (EditionLockedException e) {
            return locked(id, redirect);
        }
    }

    // ---- helpers

    private Edition edition(long id) {
        return editions.find(id).orElseThrow(() -> new NotFoundException("No such edition"));
    }

    private String locked(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "newsletter.editions.locked");
        return "redirect:" + BASE + "/" + id;
    }

    private String composePage(Edition edition, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("recipients", editions.recipientCount(edition.segment()));
        model.addAttribute("summaries", summaries(edition, LocaleHolder.current()));
        if (!model.containsAttribute("testSend")) {
            TestSendForm test = new TestSendForm();
            test.setLanguage(edition.subject().fallback());
            model.addAttribute("testSend", test);
        }
        if (!model.containsAttribute("schedule")) {
            ScheduleForm schedule = new ScheduleForm();
            if (edition.scheduledAt() != null) {
                schedule.setScheduledAt(edition.scheduledAt().atZone(ZoneId.of("UTC")).toLocalDateTime());
            }
            model.addAttribute("schedule", schedule);
        }
        model.addAttribute("scheduledAtText", edition.scheduledAt() == null ? null
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(edition.scheduledAt().atZone(ZoneId.of("UTC"))));
        model.addAttribute("blockKinds", BlockKind.values());
        model.addAttribute("previewLanguages", Languages.SUPPORTED);
        addSegmentChoices(model);
        return "newsletter/edition-compose";
    }

    private String blockPage(Edition edition, Integer position, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("position", position);
        String language = LocaleHolder.current().getLanguage();
        model.addAttribute("campaignChoices", campaigns.campaigns().stream().map(c -> new Choice(c.id(), c.title().in(language))).toList());
        model.addAttribute("statementChoices", statements.latest().stream()
                .map(s -> new Choice(s.id(), s.titles().getOrDefault(language, s.titles().get(s.languages().getFirst())))).toList());
        model.addAttribute("eventChoices", events.upcoming(Instant.now()).stream().map(e -> new Choice(e.id(),
                e.title().in(language) + " · " + DateTimeFormatter.ISO_LOCAL_DATE.format(e.startsAt().atZone(e.zone())))).toList());
        model.addAttribute("partnerItems", partnerItems.recent(50));
        return "newsletter/edition-block";
    }

    /** A pick in a select list. */
    record Choice(long id, String label) {
    }

    /** A line describing each block on the composer page. */
    private List<String> summaries(Edition edition, Locale locale) {
        String language = locale.getLanguage();
        return edition.blocks().stream().map(b -> switch (b.kind()) {
            case TEXT -> shorten(org.convene.platform.text.RichText.toPlainText(b.text().in(language)));
            case CAMPAIGN -> campaigns.campaign(b.campaignId()).map(c -> c.title().in(language)).orElse("—");
            case STATEMENT -> statements.find(b.publicationId()).map(s -> s.titles().getOrDefault(language, s.titles().values().iterator().next()))
                    .orElse("—");
            case EVENT -> events.event(b.eventId()).map(e -> e.title().in(language)).orElse("—");
            case PARTNER_ROUNDUP -> String.valueOf(b.itemIds().size());
            case IMAGE -> shorten(b.alt().in(language));
        }).toList();
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }

    private void addSegmentChoices(Model model) {
        model.addAttribute("regions", directory.regions());
        model.addAttribute("organizations", directory.organizations());
        model.addAttribute("segmentLanguages", Languages.SUPPORTED);
    }

    /** Stores an uploaded picture for an image block; false (with the reason on the field) when refused. */
    private boolean store(MultipartFile upload, BlockForm form, BindingResult errors) {
        if (form.getKind() != BlockKind.IMAGE || upload == null || upload.isEmpty()) {
            return true;
        }
        try {
            form.setImage(images.storeCover(upload.getInputStream(), upload.getSize()));
            return true;
        } catch (RefusedImageException refused) {
            errors.rejectValue("image", refused.messageKey(), "The picture was refused.");
        } catch (IOException unreadable) {
            errors.rejectValue("image", "media.notAnImage", "Not a picture.");
        }
        return false;
    }

    private static void reject(InvalidInputException invalid, BindingResult errors) {
        reject(invalid, errors, null);
    }

    private static void reject(InvalidInputException invalid, BindingResult errors, Object[] args) {
        for (InvalidInputException.FieldProblem problem : invalid.errors()) {
            errors.rejectValue(problem.field(), problem.code(), args, problem.message());
        }
    }

    /** The words of a duplicate-number message: the number, the year and the next free number. */
    private Object[] numberArgs(EditionForm form) {
        int year = form.getYear() == null ? editions.thisYear() : form.getYear();
        return new Object[] {form.getNumber(), String.valueOf(year), editions.nextNumber(year)};
    }

    /** The request's locale, for summaries written in the staff member's language. */
    private static final class LocaleHolder {
        static Locale current() {
            return org.springframework.context.i18n.LocaleContextHolder.getLocale();
        }
    }
}
