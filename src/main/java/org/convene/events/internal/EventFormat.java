package org.convene.events.internal;

/** Where people attend: in the hall, online, or both at the same time. */
public enum EventFormat {
    IN_PERSON, ONLINE, HYBRID;

    public boolean allows(Attendance attendance) {
        return switch (this) {
            case IN_PERSON -> attendance == Attendance.IN_PERSON;
            case ONLINE -> attendance == Attendance.ONLINE;
            case HYBRID -> true;
        };
    }

    public boolean hasVenue() {
        return this != ONLINE;
    }
}
