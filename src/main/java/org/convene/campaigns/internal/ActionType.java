package org.convene.campaigns.internal;

/** The kinds of local action a campaign can suggest (a message key each: {@code campaigns.action-type.<name>}). */
public enum ActionType {
    RALLY, PHOTO_ACTION, BOYCOTT, EDUCATION, STATEMENT, OTHER
}
