package org.convene.newsletter.editions;

/** What a block of an edition shows; stored in {@code edition_block.kind}. */
public enum BlockKind {
    TEXT, CAMPAIGN, STATEMENT, EVENT, PARTNER_ROUNDUP, IMAGE
}
