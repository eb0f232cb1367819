package org.convene.events.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.accounts.StaffDirectory;
import org.convene.accounts.StaffMember;
import org.convene.directory.MemberDirectory;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventCalendar;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.Events;
import org.convene.events.internal.Referral;
import org.convene.events.internal.ReferringOrganizations;
import org.convene.events.internal.Readership;
import org.convene.events.internal.StaffCalendarLinks;
import org.convene.events.internal.RegistrationRefusedException;
import org.convene.events.internal.Registrations;
import org.convene.platform.PlatformProperties;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The public event pages: the list of events, each event with its registration form, its calendar file, and the calendar feeds. */
@Controller
@PermitAll
class EventPagesController {

    private final Events events;
    private final Registrations registrations;
    private final EventCalendar calendar;
    private final PlatformProperties platform;
    private final RegistrationAllowance allowance;
    private final EventAudience audience;
    private final EventListings listings;
    private final EventHosts hosts;
    private final MemberDirectory directory;
    private final StaffCalendarLinks staffCalendars;
    private final StaffDirectory staffDirectory;
    private final ReferringOrganizations referrers;

    EventPagesController(Events events, Registrations registrations, EventCalendar calendar, PlatformProperties platform,
                         RegistrationAllowance allowance, EventAudience audience, EventListings listings, EventHosts hosts,
                         MemberDirectory directory, StaffCalendarLinks staffCalendars, StaffDirectory staffDirectory,
                         ReferringOrganizations referrers) {
        this.allowance = allowance;
        this.audience = audience;
        this.listings = listings;
        this.hosts = hosts;
        this.directory = directory;
        this.staffCalendars = staffCalendars;
        this.staffDirectory = staffDirectory;
        this.referrers = referrers;
        this.events = events;
        this.registrations = registrations;
        this.calendar = calendar;
        this.platform = platform;
    }

    /** An event in the list: who organizes it (organizer first) and where. */
    record ListedEvent(EventView view, List<String> organizers, String place) {
    }

    /**
     * Upcoming events (soonest first) or past ones ({@code when=past}, latest first), page by page,
     * with filters; htmx asks for the listing part only. A filter value that means nothing is
     * explained beside its field and left out.
     */
    @GetMapping("/events")
    String list(@RequestParam(defaultValue = "") String when, @RequestParam(defaultValue = "") String region,
                @RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "") String format,
                @RequestParam(defaultValue = "") String month, @RequestParam(defaultValue = "") String page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        EventListings.Filters filters = new EventListings.Filters(when, region, organization, format, month, page);
        EventListings.Page found = listings.find(filters, audience.current(), PAGE_SIZE);
        Map<Long, String> names = hosts.organizationNames();
        model.addAttribute("events", found.events().stream().map(e -> listed(e, names, locale)).toList());
        model.addAttribute("filters", filters);
        model.addAttribute("errors", found.errors());
        model.addAttribute("past", filters.past());
        model.addAttribute("regions", directory.regions());
        model.addAttribute("organizations", directory.organizations());
        model.addAttribute("formats", EventFormat.values());
        model.addAttribute("upcomingHref", listHref(filters, "", null));
        model.addAttribute("pastHref", listHref(filters, "past", null));
        model.addAttribute("previousHref", found.number() > 1 ? listHref(filters, filters.past() ? "past" : "", found.number() - 1) : null);
        model.addAttribute("nextHref", found.more() ? listHref(filters, filters.past() ? "past" : "", found.number() + 1) : null);
        model.addAttribute("feedHref", found.organizationId() == null ? "/events.ics" : "/events.ics?organization=" + found.organizationId());
        return htmx == null ? "events/list" : "events/list :: listing";
    }

    private static final int PAGE_SIZE = 20;

    private ListedEvent listed(Event e, Map<Long, String> names, Locale locale) {
        List<String> organizers = new ArrayList<>();
        if (e.organizationId() != null) {
            organizers.add(names.getOrDefault(e.organizationId(), "#" + e.organizationId()));
        }
        e.coOrganizerIds().stream().map(names::get).filter(java.util.Objects::nonNull).forEach(organizers::add);
        String place = e.format().hasVenue() ? String.join(", ", java.util.stream.Stream.of(e.venueName(), e.venueAddress())
                .filter(s -> s != null && !s.isBlank()).toList()) : null;
        return new ListedEvent(EventView.of(e, locale), organizers, place);
    }

    /** The list's address with the current filters, on another tab ({@code when}) or page. */
    private static String listHref(EventListings.Filters f, String when, Integer page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/events");
        java.util.function.BiConsumer<String, String> add = (name, value) -> {
            if (value != null && !value.isEmpty()) {
                uri.queryParam(name, value);
            }
        };
        add.accept("when", when);
        add.accept("region", f.region());
        add.accept("organization", f.organization());
        add.accept("format", f.format());
        add.accept("month", f.month());
        add.accept("page", page == null || page == 1 ? null : String.valueOf(page));
        return uri.encode().build().toUriString();
    }

    @GetMapping("/events/{slug}")
    String show(@PathVariable String slug, @RequestParam(name = "via", required = false) String via, Model model, Locale locale) {
        Event event = visible(slug);
        RegistrationForm form = new RegistrationForm();
        referrers.resolve(via).ifPresent(org -> form.setReferral(String.valueOf(org)));
        form.setAttendance(event.format() == EventFormat.ONLINE ? Attendance.ONLINE : Attendance.IN_PERSON);
        return page(event, form, model, locale);
    }

    /**
     * A calendar to subscribe to: the network's public events, one member organization's (slug or
     * id; those it organizes or co-organizes) with {@code ?organization=}, or those a body hosts
     * with {@code ?body=}. Events limited to a body's staff never appear here, whoever asks.
     */
    @GetMapping(value = "/events.ics", produces = "text/calendar")
    ResponseEntity<String> feed(@RequestParam(name = "organization", required = false) String organization,
                                @RequestParam(name = "body", required = false) String body, Locale locale) {
        Long organizationId = null;
        if (organization != null && !organization.isBlank()) {
            String given = organization.strip();
            organizationId = given.matches("\\d{1,18}") ? Long.valueOf(given)
                    : directory.organizationBySlug(given).map(MemberDirectory.MemberOrganization::id)
                    .orElseThrow(() -> new NotFoundException("No such organization"));
        }
        Long bodyId = null;
        if (body != null && !body.isBlank()) {
            bodyId = directory.bodyBySlug(body.strip()).map(MemberDirectory.DirectoryBody::id)
                    .orElseThrow(() -> new NotFoundException("No such body"));
        }
        return calendarResponse(calendar.of(events.feed(organizationId, bodyId, Readership.PUBLIC), locale), "public, max-age=300");
    }

    /**
     * A staff member's private calendar: the public events and those limited to bodies their
     * organization sits in. The signed key stands for them (calendar programs cannot log in); a
     * changed key, or a deactivated account, is a 404.
     */
    @GetMapping(value = "/events/my.ics", produces = "text/calendar")
    ResponseEntity<String> privateFeed(@RequestParam(name = "key", required = false) String key, Locale locale) {
        StaffMember staff = staffCalendars.verify(key).stream().boxed().findFirst().flatMap(staffDirectory::activeMember)
                .orElseThrow(() -> new NotFoundException("No such calendar"));
        return calendarResponse(calendar.of(events.feed(null, null, audience.of(staff)), locale), "private, max-age=300");
    }

    private static ResponseEntity<String> calendarResponse(String body, String cacheControl) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .body(body);
    }

    @GetMapping(value = "/events/{slug}.ics", produces = "text/calendar")
    ResponseEntity<String> ics(@PathVariable String slug, Locale locale) {
        Event event = visible(slug);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(slug + ".ics").build().toString())
                .body(calendar.of(event, locale));
    }

    @PostMapping("/events/{slug}/registrations")
    String register(@PathVariable String slug, @ModelAttribute("form") RegistrationForm form, BindingResult errors,
                    Model model, Locale locale, RedirectAttributes redirect, HttpServletRequest request,
                    HttpServletResponse response) {
        Event event = visible(slug);
        if (errors.hasErrors()) {
            return page(event, form, model, locale);
        }
        if (!allowance.tryTake(request)) {
            errors.reject("registration.tooMany");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return page(event, form, model, locale);
        }
        try {
            Long referrer = referrers.resolve(form.getReferral()).orElse(null);
            Registrations.Outcome outcome = registrations.register(event.id(), form.getName(), form.getEmail(), form.getAttendance(),
                    form.getAnswers(), locale, new Referral(referrer, form.isReferralConsent()));
            redirect.addFlashAttribute("registeredStatus", outcome.registration().status().name());
            redirect.addFlashAttribute("registeredAttendance", outcome.registration().attendance().name());
            redirect.addFlashAttribute("registeredPosition", outcome.registration().waitlistPosition());
            redirect.addFlashAttribute("registeredBefore", !outcome.created());
            return "redirect:/events/" + slug + "#registration";
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            return page(event, form, model, locale);
        } catch (RegistrationRefusedException refused) {
            errors.reject(refused.code(), refused.getMessage());
            return page(event, form, model, locale);
        }
    }

    private String page(Event event, RegistrationForm form, Model model, Locale locale) {
        model.addAttribute("view", EventView.of(event, locale));
        model.addAttribute("form", form);
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("positionCounted", Registrations.POSITION_COUNTED);
        model.addAttribute("pageUrl", platform.link("/events/" + event.slug()));
        model.addAttribute("coverUrl", event.coverImage() == null ? null : platform.link("/media/" + event.coverImage()));
        model.addAttribute("hosts", hosts.of(event));
        Long referrer = referrers.resolve(form.getReferral()).orElse(null);
        form.setReferral(referrer == null ? null : String.valueOf(referrer));
        model.addAttribute("referrerName", referrer == null ? null : referrers.names(java.util.List.of(referrer)).get(referrer));
        return "events/show";
    }

    /** The event if this reader may see it (see {@link EventAudience}); otherwise it does not exist for them. */
    private Event visible(String slug) {
        return audience.visible(slug);
    }
}
