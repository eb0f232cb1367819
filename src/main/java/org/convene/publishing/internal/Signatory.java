package org.convene.publishing.internal;

/** A named signatory printed under a statement, e.g. "Amina Diallo, chairperson". */
public record Signatory(String name, String role) {
}
