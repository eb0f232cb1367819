/**
 * Publishing: joint statements (with translations, an editorial workflow, revisions and
 * organizational sign-on), news posts written the same way, the resource library, RSS/Atom feeds
 * and the sitemap, and search across what the network publishes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing",
        allowedDependencies = {"accounts", "directory", "mail", "media", "platform", "campaigns", "events"})
package org.convene.publishing;
