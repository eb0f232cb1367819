package org.convene.events.internal;

/** Who may see an event: everyone, or only the staff of the member organizations of its body. */
public enum Visibility {
    PUBLIC, BODY_STAFF
}
