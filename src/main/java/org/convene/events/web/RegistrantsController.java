package org.convene.events.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventStatus;
import org.convene.events.internal.Events;
import org.convene.events.internal.Readership;
import org.convene.events.internal.ReferringOrganizations;
import org.convene.events.internal.Registrants;
import org.convene.events.internal.RegistrantMessages;
import org.convene.events.internal.RegistrationStatus;
import org.convene.platform.PlatformProperties;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizers' view of an event's registrants: the searchable list with counts, the CSV file,
 * referral links and counts, and a message to all registrants. Staff of a referring member
 * organization see their own referrals on a page of their own.
 */
@Controller
class RegistrantsController {

    private final Events events;
    private final Registrants registrants;
    private final RegistrantMessages messages;
    private final ReferringOrganizations referrers;
    private final PlatformProperties platform;

    RegistrantsController(Events events, Registrants registrants, RegistrantMessages messages, ReferringOrganizations referrers,
                          PlatformProperties platform) {
        this.events = events;
        this.registrants = registrants;
        this.messages = messages;
        this.referrers = referrers;
        this.platform = platform;
    }

    /** One organization's referral link to the event. */
    record ReferralLink(long organizationId, String name, String url) {
    }

    record ReferralRow(String name, int registrations, int consented) {
    }

    /** An upcoming event a member organization may promote, with its link and how many registered through it. */
    record PromotedEvent(EventView view, String link, int count) {
    }

    /** A registrant as the list shows it: the time in the event's zone, the referrer by name. */
    record Row(Registrants.Registrant registrant, String registeredAt, String attendedAt, String referrer) {
    }

    private List<Row> rows(List<Registrants.Registrant> list, Event event, Locale locale) {
        Map<Long, String> names = referrers.names(list.stream().map(Registrants.Registrant::referralOrganizationId).toList());
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
                .withLocale(locale).withZone(event.zone());
        return list.stream().map(r -> new Row(r, time.format(r.registeredAt()),
                r.attendedAt() == null ? null : time.format(r.attendedAt()),
                r.referralOrganizationId() == null ? null : names.get(r.referralOrganizationId()))).toList();
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/admin/events/{id}/registrations")
    String list(@PathVariable long id, @RequestParam(required = false) String q,
                @RequestParam(required = false) String status, @RequestParam(required = false) String attendance,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model, Locale locale) {
        Event event = event(id);
        Registrants.Filter filter = new Registrants.Filter(q, parse(RegistrationStatus.class, status), parse(Attendance.class, attendance));
        Registrants.Page result = registrants.page(id, filter, page);
        model.addAttribute("event", event);
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("rows", rows(result.items(), event, locale));
        if (htmx != null) {
            return "events/registrants :: results";
        }
        model.addAttribute("summary", registrants.summary(id));
        model.addAttribute("messages", messages.latest(id, 10));
        model.addAttribute("zoneTime", java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
                .withLocale(locale).withZone(event.zone()));
        List<Registrants.ReferralCount> counts = registrants.referralCounts(id);
        Map<Long, String> names = referrers.names(counts.stream().map(Registrants.ReferralCount::organizationId).toList());
        model.addAttribute("referralRows", counts.stream()
                .map(c -> new ReferralRow(names.get(c.organizationId()), c.registrations(), c.consented())).toList());
        model.addAttribute("referralLinks", referrers.choices().stream()
                .map(c -> new ReferralLink(c.id(), c.name(), referralLink(event, c.id()))).toList());
        return "events/registrants";
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/admin/events/{id}/registrations.csv")
    void csv(@PathVariable long id, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
             @RequestParam(required = false) String attendance, HttpServletResponse response, Locale locale) throws IOException {
        Event event = event(id);
        Registrants.Filter filter = new Registrants.Filter(q, parse(RegistrationStatus.class, status), parse(Attendance.class, attendance));
        List<Registrants.Registrant> all = registrants.all(id, filter);
        Map<Long, String> names = referrers.names(all.stream().map(Registrants.Registrant::referralOrganizationId).toList());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(event.slug() + "-registrations.csv", StandardCharsets.UTF_8).build().toString());
        Writer writer = response.getWriter();
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord("name", "email", "attendance", "status", "waitlist_position", "registered_at", "referral_organization",
                    "referral_consent", "checked_in_or_joined_at");
            for (Registrants.Registrant r : all) {
                csv.printRecord(safe(r.name()), safe(r.email()), r.attendance(), r.status(),
                        r.waitlistPosition() == null ? "" : r.waitlistPosition(), r.registeredAt(),
                        r.referralOrganizationId() == null ? "" : safe(names.get(r.referralOrganizationId())),
                        r.referralConsentAt() == null ? "" : r.referralConsentAt(),
                        r.attendedAt() == null ? "" : r.attendedAt());
            }
        }
    }

    /**
     * A cell a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
     * return before one) gets a leading apostrophe, so it is shown as text.
     */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @GetMapping("/admin/events/{id}/registrations/message")
    String messageForm(@PathVariable long id, Model model, Locale locale) {
        return messagePage(event(id), new MessageForm(), model, locale);
    }

    @PreAuthorize("@eventAccess.canEdit(#id)")
    @PostMapping("/admin/events/{id}/registrations/message")
    String message(@PathVariable long id, @ModelAttribute("form") MessageForm form, BindingResult errors, Model model, Locale locale,
                   RedirectAttributes redirect) {
        Event event = event(id);
        if (errors.hasErrors()) {
            return messagePage(event, form, model, locale);
        }
        try {
            RegistrantMessages.Message sent = messages.send(id, form.getAudience(), form.getSubject(), form.getText());
            redirect.addFlashAttribute("queued", sent.recipients());
            return "redirect:/admin/events/" + id + "/registrations";
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            return messagePage(event, form, model, locale);
        }
    }

    private String messagePage(Event event, MessageForm form, Model model, Locale locale) {
        model.addAttribute("event", event);
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("form", form);
        Registrants.Summary summary = registrants.summary(event.id());
        Map<Registrants.Audience, Integer> audiences = new java.util.EnumMap<>(Registrants.Audience.class);
        audiences.put(Registrants.Audience.ALL_ACTIVE, summary.confirmedInPerson() + summary.waitlisted() + summary.online());
        audiences.put(Registrants.Audience.CONFIRMED_IN_PERSON, summary.confirmedInPerson());
        audiences.put(Registrants.Audience.WAITLISTED, summary.waitlisted());
        audiences.put(Registrants.Audience.ONLINE, summary.online());
        model.addAttribute("audiences", audiences);
        model.addAttribute("subjectMax", RegistrantMessages.SUBJECT_MAX);
        model.addAttribute("textMax", RegistrantMessages.TEXT_MAX);
        return "events/registrants-message";
    }

    /** For staff of member organizations: the events they can promote and how many people their links brought. */
    @PreAuthorize("@eventAccess.isOrganizationStaff()")
    @GetMapping("/admin/referrals")
    String referrals(Model model, Locale locale) {
        long organization = CurrentStaff.required().organizationId();
        Map<Long, Integer> counts = registrants.referralsByEvent(organization);
        // public events only: a referral link is for promoting an event to the public
        model.addAttribute("rows", events.list(new Events.Listing(false, null, null, null, null, Readership.PUBLIC, 0, 200)).stream()
                .map(e -> new PromotedEvent(EventView.of(e, locale), referralLink(e, organization), counts.getOrDefault(e.id(), 0)))
                .toList());
        return "events/referrals-overview";
    }

    /** For staff of a referring organization: their referrals, with names and e-mails only of those who agreed. */
    @PreAuthorize("@eventAccess.isOrganizationStaff()")
    @GetMapping("/admin/events/{id}/referrals")
    String referralsOf(@PathVariable long id, Model model, Locale locale) {
        StaffMember staff = CurrentStaff.required();
        Event event = events.find(id).filter(e -> e.status() != EventStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("No such event"));
        long organization = staff.organizationId();
        model.addAttribute("event", event);
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("organizationName", referrers.names(List.of(organization)).get(organization));
        model.addAttribute("count", registrants.referredBy(id, organization));
        model.addAttribute("consented", rows(registrants.consentedReferrals(id, organization), event, locale));
        model.addAttribute("link", referralLink(event, organization));
        return "events/referrals";
    }

    private String referralLink(Event event, long organizationId) {
        return platform.link("/events/" + event.slug() + "?via=" + organizationId);
    }

    private Event event(long id) {
        return events.find(id).orElseThrow(() -> new NotFoundException("No such event"));
    }

    /** An unknown filter value means no filter, as a hand-edited address should not fail. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
