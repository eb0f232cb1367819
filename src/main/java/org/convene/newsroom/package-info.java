/**
 * The partner-media newsroom: staff register partner outlets, their RSS and Atom feeds are polled
 * safely (only public addresses, conditional requests, backoff) and their items stored once; staff
 * pick items onto the public "From our partners" page, and other modules take items through
 * {@link org.convene.newsroom.PartnerItems}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Newsroom", allowedDependencies = {"accounts", "platform"})
package org.convene.newsroom;
