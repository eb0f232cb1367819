/**
 * Newsletters: supporters subscribe with double opt-in and leave with one click; the network
 * composes numbered editions from its campaigns, statements, events and partner-media items, per
 * language; a durable sending engine mails each edition to a segment exactly once, at a set rate,
 * and a public archive keeps the sent editions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Newsletter",
        allowedDependencies = {"accounts", "directory", "mail", "media", "platform", "campaigns", "events", "publishing", "newsroom"})
package org.convene.newsletter;
