package org.convene.events.internal;

/** Confirmed registrants have a place; waitlisted ones wait for a seat in order; cancelled ones gave theirs up. */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
