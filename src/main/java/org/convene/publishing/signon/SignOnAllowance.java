package org.convene.publishing.signon;

import jakarta.servlet.http.HttpServletRequest;
import org.convene.platform.security.ClientAllowance;
import org.springframework.stereotype.Component;

/** Anyone may submit a sign-on form, so each client address gets so many submissions a minute (forms and API). */
@Component
class SignOnAllowance {

    private final ClientAllowance clients;

    SignOnAllowance(SignOnProperties properties) {
        this.clients = new ClientAllowance(properties.submissionsPerMinute());
    }

    boolean tryTake(HttpServletRequest request) {
        return clients.tryTake(request.getRemoteAddr());
    }
}
