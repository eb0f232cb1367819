package org.convene.events.internal;

/** Drafts are visible to staff only; published events to everyone; cancelled events take no registrations. */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED
}
