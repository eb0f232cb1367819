package org.convene.newsletter.editions;

/**
 * Where an edition is: staff compose DRAFTs and SCHEDULE them (or cancel the schedule); the
 * sending engine takes SCHEDULED editions whose time has come to SENDING, PAUSED and SENT.
 */
public enum EditionStatus {
    DRAFT, SCHEDULED, SENDING, PAUSED, SENT, CANCELLED;

    /** Staff may change the content until sending starts. */
    public boolean isEditable() {
        return this == DRAFT || this == SCHEDULED;
    }
}
