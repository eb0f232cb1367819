/**
 * Search across what the network publishes: statements, news posts, resources, events and member
 * organizations, with PostgreSQL full-text search in each text's own language. The modules that own
 * the content keep the index current through {@link org.convene.search.SearchIndex} and rebuild
 * their part at startup as a {@link org.convene.search.SearchSource}; the search page, the header's
 * search box and {@code GET /api/v1/search} read it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = {"platform"})
package org.convene.search;
