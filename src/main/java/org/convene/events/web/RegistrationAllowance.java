package org.convene.events.web;

import jakarta.servlet.http.HttpServletRequest;
import org.convene.events.internal.EventsProperties;
import org.convene.platform.security.ClientAllowance;
import org.springframework.stereotype.Component;

/** Registration is open to anyone, so each client address gets so many registration requests a minute. */
@Component
class RegistrationAllowance {

    private final ClientAllowance clients;

    RegistrationAllowance(EventsProperties properties) {
        this.clients = new ClientAllowance(properties.registrationsPerMinute());
    }

    boolean tryTake(HttpServletRequest request) {
        return clients.tryTake(request.getRemoteAddr());
    }
}
