package org.convene.events.web;

import java.time.Instant;
import org.convene.events.internal.Event;
import org.convene.events.internal.Events;
import org.convene.events.internal.EventsProperties;
import org.convene.events.internal.Registration;
import org.convene.events.internal.RegistrationLinks;
import org.convene.events.internal.Registrations;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The registration a personal link ({@code /registrations/{token}/...}) stands for. A link that was
 * changed, made up or signed by another installation is a plain 404; a genuine one stops working
 * {@code convene.events.personal-links-last} after the event ended (410, with a page that says
 * so), so that old e-mails do not open registrations forever.
 */
@Component
class PersonalLinks {

    private final RegistrationLinks links;
    private final Registrations registrations;
    private final Events events;
    private final EventsProperties properties;

    PersonalLinks(RegistrationLinks links, Registrations registrations, Events events, EventsProperties properties) {
        this.links = links;
        this.registrations = registrations;
        this.events = events;
        this.properties = properties;
    }

    Registration registrationOf(String token) {
        Registration registration = links.verify(token).stream().boxed().findFirst().flatMap(registrations::find)
                .orElseThrow(() -> new NotFoundException("No such registration"));
        Event event = events.find(registration.eventId()).orElseThrow(() -> new NotFoundException("No such event"));
        if (event.endsAt().plus(properties.personalLinksLast()).isBefore(Instant.now())) {
            throw new ExpiredException();
        }
        return registration;
    }

    static final class ExpiredException extends RuntimeException {
        ExpiredException() {
            super("This personal link has expired", null, false, false);
        }
    }

    @ControllerAdvice(assignableTypes = {RegistrationPageController.class, RegistrantReminderController.class, TicketController.class})
    static class Expired {
        @ExceptionHandler(ExpiredException.class)
        @ResponseStatus(HttpStatus.GONE)
        String expired() {
            return "events/link-expired";
        }
    }
}
