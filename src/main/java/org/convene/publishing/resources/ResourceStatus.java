package org.convene.publishing.resources;

public enum ResourceStatus {
    DRAFT, PUBLISHED
}
