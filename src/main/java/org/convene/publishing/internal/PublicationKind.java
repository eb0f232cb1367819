package org.convene.publishing.internal;

/** Statements speak for the network and can be endorsed; news posts report. Both are written alike. */
public enum PublicationKind {
    STATEMENT, NEWS
}
