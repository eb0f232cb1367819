package org.convene.events.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.directory.MemberDirectory;
import org.convene.events.internal.Event;
import org.convene.events.internal.Events;
import org.convene.events.internal.Readership;
import org.convene.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see which event. Public events: everyone. Events limited to a body's staff: staff of the
 * body's member organizations, network admins, and staff who may edit the event. Drafts: only
 * those who may edit them. Everyone else gets a 404, as if the event did not exist.
 */
@Component
class EventAudience {

    private final MemberDirectory directory;
    private final Events events;

    EventAudience(MemberDirectory directory, Events events) {
        this.directory = directory;
        this.events = events;
    }

    /** The current reader: staff signed in or holding an API token, else the public. */
    Readership current() {
        return CurrentStaff.get().map(this::of).orElse(Readership.PUBLIC);
    }

    Readership of(StaffMember staff) {
        if (staff.isNetworkAdmin()) {
            return new Readership(true, Set.of(), null);
        }
        Long organization = staff.organizationId();
        if (organization == null) {
            return Readership.PUBLIC;
        }
        Set<Long> bodies = directory.bodies().stream().map(MemberDirectory.DirectoryBody::id)
                .filter(body -> directory.organizationsOf(body).contains(organization)).collect(Collectors.toSet());
        return new Readership(false, bodies, organization);
    }

    boolean maySee(Event event) {
        // A published public event needs no look-up of who is reading.
        return (event.isPublic() && !isDraft(event)) || current().maySee(event);
    }

    Event visible(String slug) {
        return events.findBySlug(slug).filter(this::maySee).orElseThrow(() -> new NotFoundException("No such event"));
    }

    Event visible(long id) {
        return events.find(id).filter(this::maySee).orElseThrow(() -> new NotFoundException("There is no published event with this id."));
    }

    private static boolean isDraft(Event event) {
        return event.status() == org.convene.events.internal.EventStatus.DRAFT;
    }
}
