package org.convene.events.web;

import java.util.List;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.events.internal.Events;
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

    EventAdminController(Events events) {
        this.events = events;
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
        model.addAttribute("form", form);
        return "events/admin-form";
    }

    @PreAuthorize("@eventAccess.canOrganize(#form.organizationId)")
    @PostMapping("/admin/events")
    String create(@ModelAttribute("form") EventForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "events/admin-form";
        }
        try {
            Event event = events.create(form.toDraft());
            redirect.addFlashAttribute("notice", "event.saved");
            return "redirect:/admin/events/" + event.id();
        } catch (InvalidInputException invalid) {
            reject(invalid, form, errors);
            return "events/admin-form";
        }
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/admin/events/{id}")
    String edit(@PathVariable long id, Model model) {
        Event event = events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
        model.addAttribute("form", EventForm.of(event));
        model.addAttribute("event", event);
        model.addAttribute("counts", events.counts(id));
        return "events/admin-form";
    }

    @PreAuthorize("@eventAccess.canEdit(#id) and @eventAccess.canOrganize(#form.organizationId)")
    @PostMapping("/admin/events/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") EventForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Event event = events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
        model.addAttribute("event", event);
        model.addAttribute("counts", events.counts(id));
        if (errors.hasErrors()) {
            return "events/admin-form";
        }
        try {
            events.update(id, form.toDraft());
            redirect.addFlashAttribute("notice", "event.saved");
            return "redirect:/admin/events/" + id;
        } catch (InvalidInputException invalid) {
            reject(invalid, form, errors);
            return "events/admin-form";
        }
    }

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
