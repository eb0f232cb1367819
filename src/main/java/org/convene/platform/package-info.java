/**
 * Shared infrastructure every module stands on: the database (embedded PostgreSQL by default),
 * languages and translated texts, the page layout, error pages and RFC 9457 problem responses.
 * It is an open module: its sub-packages are meant to be used by the others.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.convene.platform;
