/**
 * Events and registration: staff announce events (in person, online or hybrid) with their venue,
 * time zone and in-person capacity; supporters register without an account, get a personal signed
 * link, join a waitlist beyond capacity and are promoted in order when seats free up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events", allowedDependencies = {"accounts", "directory", "mail", "media", "platform", "search"})
package org.convene.events;
