package org.convene.publishing.editing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.campaigns.CampaignDirectory;
import org.convene.directory.MemberDirectory;
import org.convene.events.EventDirectory;
import org.convene.media.Images;
import org.convene.media.RefusedImageException;
import org.convene.platform.i18n.Languages;
import org.convene.platform.text.RichText;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.convene.publishing.internal.NewsCategory;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.publishing.internal.Publications;
import org.convene.publishing.internal.Translation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff editor: write a statement or news post, translate it side by side, move it through the workflow. */
@Controller
class EditorController {

    private final PublicationEditing editing;
    private final Publications publications;
    private final MemberDirectory directory;
    private final CampaignDirectory campaigns;
    private final EventDirectory eventDirectory;
    private final Images images;

    EditorController(PublicationEditing editing, Publications publications, MemberDirectory directory, CampaignDirectory campaigns,
                     EventDirectory eventDirectory, Images images) {
        this.editing = editing;
        this.publications = publications;
        this.directory = directory;
        this.campaigns = campaigns;
        this.eventDirectory = eventDirectory;
        this.images = images;
    }

    @ModelAttribute("languageNames")
    Map<String, String> languageNames() {
        Map<String, String> names = new LinkedHashMap<>();
        Languages.SUPPORTED.forEach(l -> names.put(l, Languages.nativeName(l)));
        return names;
    }

    @PreAuthorize("@publicationAccess.isStaff()")
    @GetMapping("/admin/publications")
    String list(Model model) {
        StaffMember staff = CurrentStaff.required();
        model.addAttribute("publications", editing.editableBy(staff.organizationId(), staff.isNetworkAdmin()).stream()
                .map(p -> new Listed(p, titleOf(p))).toList());
        model.addAttribute("mayWriteStatements", staff.isNetworkAdmin());
        return "publishing/editor-list";
    }

    record Listed(Publication publication, String title) {
    }

    @PreAuthorize("@publicationAccess.isStaff()")
    @GetMapping("/admin/publications/new")
    String newForm(@RequestParam(defaultValue = "STATEMENT") PublicationKind kind, Model model) {
        StaffMember staff = CurrentStaff.required();
        PublicationForm form = new PublicationForm();
        form.setKind(staff.isNetworkAdmin() ? kind : PublicationKind.NEWS);
        if (!staff.isNetworkAdmin() && staff.organizationId() != null) {
            form.setOrganizationIds(new java.util.ArrayList<>(List.of(staff.organizationId())));
        }
        form.offerBlankSignatory();
        model.addAttribute("form", form);
        return formPage(null, model);
    }

    @PreAuthorize("@publicationAccess.canWrite(#form.kind, #form.organizationIds)")
    @PostMapping("/admin/publications")
    String create(@ModelAttribute("form") PublicationForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Publication created = editing.create(form.toDraft(), form.toDetails(), author());
                redirect.addFlashAttribute("notice", "publishing.editor.saved");
                return "redirect:/admin/publications/" + created.id();
            } catch (InvalidInputException invalid) {
                reject(invalid, errors);
            }
        }
        form.offerBlankSignatory();
        return formPage(null, model);
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @GetMapping("/admin/publications/{id}")
    String edit(@PathVariable long id, Model model) {
        Publication p = existing(id);
        PublicationForm form = PublicationForm.of(p, publications.signatories(id));
        form.offerBlankSignatory();
        model.addAttribute("form", form);
        return formPage(p, model);
    }

    /** Saves the details; "add" and "remove" buttons change the signatory rows without JavaScript and without saving. */
    @PreAuthorize("@publicationAccess.canEdit(#id, #form.organizationIds)")
    @PostMapping("/admin/publications/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") PublicationForm form, BindingResult errors,
                  @RequestParam(required = false) Integer removeSignatory, @RequestParam(required = false) String addSignatory,
                  Model model, RedirectAttributes redirect) {
        Publication p = existing(id);
        form.setKind(p.kind());
        if (removeSignatory != null && removeSignatory >= 0 && removeSignatory < form.getSignatories().size()) {
            form.getSignatories().remove((int) removeSignatory);
            form.offerBlankSignatory();
            return formPage(p, model);
        }
        if (addSignatory != null) {
            form.getSignatories().add(new PublicationForm.SignatoryRow());
            return formPage(p, model);
        }
        if (!errors.hasErrors()) {
            try {
                editing.updateDetails(id, form.toDetails());
                redirect.addFlashAttribute("notice", "publishing.editor.saved");
                return "redirect:/admin/publications/" + id;
            } catch (InvalidInputException invalid) {
                reject(invalid, errors);
            }
        }
        form.offerBlankSignatory();
        return formPage(p, model);
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @PostMapping("/admin/publications/{id}/cover")
    String cover(@PathVariable long id, @RequestParam(value = "cover", required = false) MultipartFile cover, RedirectAttributes redirect) {
        existing(id);
        if (cover == null || cover.isEmpty()) {
            redirect.addFlashAttribute("coverProblem", "publishing.editor.cover.missing");
            return "redirect:/admin/publications/" + id;
        }
        try {
            editing.setCoverImage(id, images.storeCover(cover.getInputStream(), cover.getSize()));
            redirect.addFlashAttribute("notice", "publishing.editor.saved");
        } catch (RefusedImageException refused) {
            redirect.addFlashAttribute("coverProblem", refused.messageKey());
        } catch (java.io.IOException unreadable) {
            redirect.addFlashAttribute("coverProblem", "media.notAnImage");
        }
        return "redirect:/admin/publications/" + id;
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @PostMapping("/admin/publications/{id}/cover/remove")
    String removeCover(@PathVariable long id, RedirectAttributes redirect) {
        existing(id);
        editing.setCoverImage(id, null);
        redirect.addFlashAttribute("notice", "publishing.editor.saved");
        return "redirect:/admin/publications/" + id;
    }

    /** The workflow: status and, for publishing, an optional time (UTC) to publish at. */
    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @PostMapping("/admin/publications/{id}/status")
    String status(@PathVariable long id, @RequestParam(required = false) PublicationStatus status,
                  @RequestParam(required = false) String publishAt, Model model, RedirectAttributes redirect) {
        Publication p = existing(id);
        try {
            editing.setStatus(id, status, parseUtc(publishAt));
            redirect.addFlashAttribute("notice", "publishing.editor.status.saved");
            return "redirect:/admin/publications/" + id;
        } catch (InvalidInputException invalid) {
            model.addAttribute("statusProblem", invalid.errors().getFirst().code());
            model.addAttribute("publishAtValue", publishAt);
            PublicationForm form = PublicationForm.of(p, publications.signatories(id));
            form.offerBlankSignatory();
            model.addAttribute("form", form);
            return formPage(p, model);
        }
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @GetMapping("/admin/publications/{id}/translations/{language}")
    String translation(@PathVariable long id, @PathVariable String language, Model model) {
        Publication p = existing(id);
        Translation t = publications.translation(id, language).orElseThrow(() -> new NotFoundException("No such translation"));
        model.addAttribute("translation", TranslationForm.of(t));
        return translationPage(p, t, model);
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @GetMapping("/admin/publications/{id}/translations/new")
    String newTranslation(@PathVariable long id, @RequestParam(required = false) String language, Model model) {
        Publication p = existing(id);
        TranslationForm form = new TranslationForm();
        form.setLanguage(language);
        model.addAttribute("translation", form);
        return translationPage(p, null, model);
    }

    /** Adds a translation (POST to the collection) or saves one (POST to its language). */
    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @PostMapping({"/admin/publications/{id}/translations", "/admin/publications/{id}/translations/{language}"})
    String saveTranslation(@PathVariable long id, @PathVariable(required = false) String language,
                           @ModelAttribute("translation") TranslationForm form, BindingResult errors, Model model,
                           RedirectAttributes redirect) {
        Publication p = existing(id);
        String lang = language != null ? language : form.getLanguage();
        Translation existing = language == null ? null : publications.translation(id, language).orElse(null);
        if (language == null && lang != null && publications.translation(id, lang).isPresent()) {
            errors.rejectValue("language", "publishing.editor.error.language-exists", "This language has a text already.");
            return translationPage(p, null, model);
        }
        try {
            editing.saveTranslation(id, lang, form.toText(), author());
            redirect.addFlashAttribute("notice", "publishing.editor.saved");
            return "redirect:/admin/publications/" + id + "/translations/" + lang;
        } catch (InvalidInputException invalid) {
            reject(invalid, errors);
            return translationPage(p, existing, model);
        }
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @PostMapping("/admin/publications/{id}/translations/{language}/status")
    String translationStatus(@PathVariable long id, @PathVariable String language,
                             @RequestParam(required = false) PublicationStatus status, RedirectAttributes redirect) {
        existing(id);
        editing.setTranslationStatus(id, language, status == null ? PublicationStatus.DRAFT : status);
        redirect.addFlashAttribute("notice", "publishing.editor.status.saved");
        return "redirect:/admin/publications/" + id + "/translations/" + language;
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @GetMapping("/admin/publications/{id}/revisions")
    String revisions(@PathVariable long id, Model model) {
        Publication p = existing(id);
        model.addAttribute("publication", p);
        model.addAttribute("headline", titleOf(p));
        List<PublicationEditing.Revision> revisions = editing.revisions(id);
        model.addAttribute("revisions", revisions);
        // compare the latest save with the one before it in the same language
        model.addAttribute("defaultFrom", revisions.isEmpty() ? null : revisions.stream().skip(1)
                .filter(r -> r.language().equals(revisions.getFirst().language())).findFirst()
                .or(() -> revisions.stream().skip(1).findFirst()).map(PublicationEditing.Revision::id).orElse(null));
        return "publishing/editor-revisions";
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @GetMapping("/admin/publications/{id}/revisions/diff")
    String diff(@PathVariable long id, @RequestParam long from, @RequestParam long to, Model model) {
        Publication p = existing(id);
        PublicationEditing.Revision before = editing.revision(id, from);
        PublicationEditing.Revision after = editing.revision(id, to);
        model.addAttribute("publication", p);
        model.addAttribute("headline", titleOf(p));
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        model.addAttribute("lines", RevisionDiff.between(before.asText(), after.asText()));
        return "publishing/editor-diff";
    }

    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @PostMapping("/admin/publications/{id}/revisions/{revision}/restore")
    String restore(@PathVariable long id, @PathVariable long revision, RedirectAttributes redirect) {
        existing(id);
        Translation restored = editing.restore(id, revision, author());
        redirect.addFlashAttribute("notice", "publishing.editor.revision.restored");
        return "redirect:/admin/publications/" + id + "/translations/" + restored.language();
    }

    private String formPage(Publication p, Model model) {
        StaffMember staff = CurrentStaff.required();
        model.addAttribute("publication", p);
        if (p != null) {
            model.addAttribute("headline", titleOf(p));
            List<Translation> translations = publications.translations(p.id());
            model.addAttribute("translations", translations);
            model.addAttribute("missingLanguages", Languages.SUPPORTED.stream()
                    .filter(l -> translations.stream().noneMatch(t -> t.language().equals(l))).toList());
            model.addAttribute("publicPath", (p.kind() == PublicationKind.STATEMENT ? "/statements/" : "/news/") + p.slug());
        }
        model.addAttribute("statuses", PublicationStatus.values());
        model.addAttribute("categories", NewsCategory.values());
        model.addAttribute("regions", directory.regions());
        model.addAttribute("organizations", staff.isNetworkAdmin() || staff.organizationId() == null ? directory.organizations()
                : directory.organization(staff.organizationId()).map(List::of).orElse(List.of()));
        model.addAttribute("campaigns", campaigns.campaigns());
        model.addAttribute("events", eventDirectory.events());
        model.addAttribute("mayWriteStatements", staff.isNetworkAdmin());
        return "publishing/editor-form";
    }

    private String translationPage(Publication p, Translation current, Model model) {
        model.addAttribute("publication", p);
        model.addAttribute("headline", titleOf(p));
        Translation original = publications.translation(p.id(), p.originalLanguage()).orElseThrow();
        model.addAttribute("original", original);
        model.addAttribute("originalHtml", RichText.toHtml(original.body()));
        model.addAttribute("current", current);
        model.addAttribute("isOriginal", current != null && current.language().equals(p.originalLanguage()));
        model.addAttribute("statuses", PublicationStatus.values());
        List<Translation> translations = publications.translations(p.id());
        model.addAttribute("missingLanguages", Languages.SUPPORTED.stream()
                .filter(l -> translations.stream().noneMatch(t -> t.language().equals(l))).toList());
        model.addAttribute("rtl", current != null && Languages.isRightToLeft(Locale.forLanguageTag(current.language())));
        return "publishing/editor-translation";
    }

    private Publication existing(long id) {
        return publications.find(id).orElseThrow(() -> new NotFoundException("No such publication"));
    }

    private String titleOf(Publication p) {
        return publications.translation(p.id(), p.originalLanguage()).map(Translation::title).orElse(p.slug());
    }

    private static String author() {
        return CurrentStaff.get().map(StaffMember::displayName).orElse("?");
    }

    static Instant parseUtc(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("publishAt", "publishing.editor.error.schedule-format", "Give a date and time.");
        }
    }

    private static void reject(InvalidInputException invalid, BindingResult errors) {
        for (InvalidInputException.FieldProblem problem : invalid.errors()) {
            String field = Objects.equals(problem.field(), "signatories") ? null : problem.field();
            if (field == null) {
                errors.reject(problem.code(), problem.message());
            } else {
                errors.rejectValue(field, problem.code(), problem.message());
            }
        }
    }
}
