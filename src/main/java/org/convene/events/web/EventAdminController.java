package org.convene.events.web;

import java.util.List;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.events.internal.EventSeries;
import org.convene.events.internal.Events;
import org.convene.events.internal.Question;
import org.convene.events.internal.SeriesRule;
import org.convene.events.internal.Visibility;
import org.convene.directory.MemberDirectory;
import org.convene.media.Images;
import org.convene.media.RefusedImageException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages to create and change events: network admins for any organizer, organization staff for their own. */
@Controller
class EventAdminController {

    private final Events events;
    private final EventSeries series;
    private final MemberDirectory directory;
    private final Images images;

    EventAdminController(Events events, EventSeries series, MemberDirectory directory, Images images) {
        this.events = events;
        this.series = series;
        this.directory = directory;
        this.images = images;
    }

    @ModelAttribute("organizations")
    List<MemberDirectory.MemberOrganization> organizations() {
        return directory.organizations();
    }

    @ModelAttribute("mayOrganizeForNetwork")
    boolean mayOrganizeForNetwork() {
        return CurrentStaff.get().map(StaffMember::isNetworkAdmin).orElse(false);
    }

    /** Who the current staff member may name as organizer: any organization for network admins, else their own. */
    @ModelAttribute("organizers")
    List<MemberDirectory.MemberOrganization> organizers() {
        StaffMember staff = CurrentStaff.get().orElse(null);
        if (staff == null) {
            return List.of();
        }
        if (staff.isNetworkAdmin() || staff.organizationId() == null) {
            return directory.organizations();
        }
        long own = staff.organizationId();
        return List.of(directory.organization(own).orElse(new MemberDirectory.MemberOrganization(own, "#" + own, null, null, null)));
    }

    @ModelAttribute("bodies")
    List<MemberDirectory.DirectoryBody> bodies() {
        return directory.bodies();
    }

    @ModelAttribute("visibilities")
    Visibility[] visibilities() {
        return Visibility.values();
    }

    @ModelAttribute("questionKinds")
    Question.Kind[] questionKinds() {
        return Question.Kind.values();
    }

    @ModelAttribute("seriesRules")
    SeriesRule[] seriesRules() {
        return SeriesRule.values();
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return Languages.SUPPORTED;
    }

    @ModelAttribute("languageNames")
    java.util.Map<String, String> languageNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        Languages.SUPPORTED.forEach(l -> names.put(l, Languages.nativeName(l)));
        return names;
    }

    @ModelAttribute("formats")
    EventFormat[] formats() {
        return EventFormat.values();
    }

    @ModelAttribute("statuses")
    EventStatus[] statuses() {
        return EventStatus.values();
    }

    @PreAuthorize("@eventAccess.isStaff()")
    @GetMapping("/admin/events")
    String list(Model model, java.util.Locale locale) {
        StaffMember staff = CurrentStaff.required();
        List<Event> list = events.editableBy(staff.organizationId(), staff.isNetworkAdmin());
        model.addAttribute("events", list.stream().map(e -> EventView.of(e, locale)).toList());
        return "events/admin-list";
    }

    @PreAuthorize("@eventAccess.isStaff()")
    @GetMapping("/admin/events/new")
    String newForm(Model model) {
        EventForm form = new EventForm();
        form.setOrganizationId(CurrentStaff.required().organizationId());
        form.offerBlankQuestions(BLANK_QUESTIONS);
        model.addAttribute("form", form);
        return "events/admin-form";
    }

    @PreAuthorize("@eventAccess.canOrganize(#form.organizationId)")
    @PostMapping("/admin/events")
    String create(@ModelAttribute("form") EventForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            form.offerBlankQuestions(BLANK_QUESTIONS);
            return "events/admin-form";
        }
        try {
            Event event = events.create(form.toDraft());
            if (form.getRepeat() != null) {
                series.start(event.id(), form.getRepeat(), form.getRepeatUntil());
            }
            redirect.addFlashAttribute("notice", "event.saved");
            return "redirect:/admin/events/" + event.id();
        } catch (InvalidInputException invalid) {
            reject(invalid, form, errors);
            form.offerBlankQuestions(BLANK_QUESTIONS);
            return "events/admin-form";
        }
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/admin/events/{id}")
    String edit(@PathVariable long id, Model model) {
        Event event = events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
        EventForm form = EventForm.of(event);
        form.offerBlankQuestions(BLANK_QUESTIONS);
        model.addAttribute("form", form);
        addEventDetails(event, model);
        return "events/admin-form";
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @PostMapping("/admin/events/{id}/cover")
    String cover(@PathVariable long id, @RequestParam("cover") MultipartFile cover, RedirectAttributes redirect) {
        events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
        if (cover == null || cover.isEmpty()) {
            redirect.addFlashAttribute("coverProblem", "event.cover.missing");
            return "redirect:/admin/events/" + id;
        }
        try {
            events.setCoverImage(id, images.storeCover(cover.getInputStream(), cover.getSize()));
            redirect.addFlashAttribute("notice", "event.cover.saved");
        } catch (RefusedImageException refused) {
            redirect.addFlashAttribute("coverProblem", refused.messageKey());
        } catch (java.io.IOException unreadable) {
            redirect.addFlashAttribute("coverProblem", "media.notAnImage");
        }
        return "redirect:/admin/events/" + id;
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @PostMapping("/admin/events/{id}/cover/remove")
    String removeCover(@PathVariable long id, RedirectAttributes redirect) {
        events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
        events.setCoverImage(id, null);
        redirect.addFlashAttribute("notice", "event.cover.removed");
        return "redirect:/admin/events/" + id;
    }

    private void addEventDetails(Event event, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("counts", events.counts(event.id()));
        if (event.seriesId() != null) {
            model.addAttribute("series", series.find(event.seriesId()).orElse(null));
            model.addAttribute("occurrences", series.occurrences(event.seriesId()));
        }
    }

    @PreAuthorize("@eventAccess.canEdit(#id) and @eventAccess.canOrganize(#form.organizationId)")
    @PostMapping("/admin/events/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") EventForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Event event = events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
        addEventDetails(event, model);
        if (errors.hasErrors()) {
            form.offerBlankQuestions(BLANK_QUESTIONS);
            return "events/admin-form";
        }
        try {
            Event saved = events.update(id, form.toDraft());
            redirect.addFlashAttribute("notice", saved.isCancelled() && !event.isCancelled() ? "event.cancelled.saved" : "event.saved");
            return "redirect:/admin/events/" + id;
        } catch (InvalidInputException invalid) {
            reject(invalid, form, errors);
            form.offerBlankQuestions(BLANK_QUESTIONS);
            return "events/admin-form";
        }
    }

    private static final int BLANK_QUESTIONS = 2;

    private static void reject(InvalidInputException invalid, EventForm form, BindingResult errors) {
        for (InvalidInputException.FieldProblem problem : invalid.errors()) {
            String field = switch (problem.field()) {
                case "title" -> "titles[" + form.toDraft().title().fallback() + "]";
                default -> problem.field();
            };
            errors.rejectValue(field, problem.code(), problem.message());
        }
    }
}
