package org.convene.events.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.directory.MemberDirectory;
import org.convene.events.internal.Event;
import org.springframework.stereotype.Component;

/** Who organizes and hosts an event, by name from the directory, and where its venue is on a map. */
@Component
class EventHosts {

    /**
     * @param organizer    the organizing organization's name, null when the network organizes
     * @param coOrganizers the co-organizing organizations' names
     * @param body         the hosting body's name, or null
     * @param mapUrl       an OpenStreetMap search for the venue, null without a venue address
     */
    record Hosts(String organizer, List<String> coOrganizers, String body, String mapUrl) {
    }

    private final MemberDirectory directory;

    EventHosts(MemberDirectory directory) {
        this.directory = directory;
    }

    Hosts of(Event event) {
        String organizer = event.organizationId() == null ? null
                : directory.organization(event.organizationId()).map(MemberDirectory.MemberOrganization::name).orElse("#" + event.organizationId());
        List<String> coOrganizers = new ArrayList<>();
        event.coOrganizerIds().forEach(id -> directory.organization(id).ifPresent(o -> coOrganizers.add(o.name())));
        String body = event.bodyId() == null ? null : directory.body(event.bodyId()).map(MemberDirectory.DirectoryBody::name).orElse(null);
        return new Hosts(organizer, coOrganizers, body, mapUrl(event));
    }

    /** The names of all active member organizations by id, for lists of many events. */
    Map<Long, String> organizationNames() {
        return directory.organizations().stream()
                .collect(Collectors.toMap(MemberDirectory.MemberOrganization::id, MemberDirectory.MemberOrganization::name));
    }

    static String mapUrl(Event event) {
        if (!event.format().hasVenue() || event.venueAddress() == null || event.venueAddress().isBlank()) {
            return null;
        }
        String place = event.venueName() == null || event.venueName().isBlank()
                ? event.venueAddress() : event.venueName() + ", " + event.venueAddress();
        return "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(place, StandardCharsets.UTF_8);
    }
}
