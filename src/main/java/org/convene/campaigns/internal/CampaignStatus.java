package org.convene.campaigns.internal;

/** Drafts are seen by staff only; an open campaign takes actions and footage; a closed one is a record. */
public enum CampaignStatus {
    DRAFT, OPEN, CLOSED
}
