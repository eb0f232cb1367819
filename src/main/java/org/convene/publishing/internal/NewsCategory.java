package org.convene.publishing.internal;

/** The fixed categories of news posts (their names are in the editor's message bundle). */
public enum NewsCategory {
    CAMPAIGNS, MEMBERS, ASSEMBLIES, SOLIDARITY, RESOURCES;

    public static boolean isOne(String name) {
        for (NewsCategory c : values()) {
            if (c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
