package org.convene.directory;

/** Published when the fictional demo network has been loaded, so that other modules can add their own demo data. */
public record DemoNetworkLoaded(long coordinatingCommitteeId) {
}
