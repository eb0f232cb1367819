package org.convene.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import org.convene.directory.internal.Records.NetworkProfile;
import org.convene.directory.internal.StructureStore;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the network's name into every page's model as {@code networkName} (the layout shows it). */
@ControllerAdvice
class NetworkModel {

    private final StructureStore store;

    NetworkModel(StructureStore store) {
        this.store = store;
    }

    @ModelAttribute("networkName")
    String networkName(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/media/")) {
            return null;
        }
        return store.network().map(NetworkProfile::name).orElse(null);
    }
}
