/**
 * Campaigns and global days of action: network staff publish the call, its slogans and the
 * suggested action types; member organizations (and supporters, moderated) register local actions
 * shown on a map with figures by country and region; anyone with the campaign link sends photos and
 * videos from the ground, which lose their metadata, are moderated, shown in a gallery and compiled
 * for the media team and the day-of-action report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns", allowedDependencies = {"accounts", "directory", "mail", "media", "platform"})
package org.convene.campaigns;
