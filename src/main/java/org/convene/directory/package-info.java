/**
 * The network directory: the network's profile, its regions, member organizations, bodies (such as
 * the coordinating committee) with their members and roles, and partner projects. Public pages, admin
 * pages, the REST API under {@code /api/v1}, CSV import and export, and the demo network.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.convene.directory;
