package org.convene.events.internal;

/** How a registrant takes part. Only in-person attendance needs a seat. */
public enum Attendance {
    IN_PERSON, ONLINE
}
