/**
 * Staff accounts and everything about who may do what: roles scoped to a member organization,
 * login, the first-admin setup, and the security rules of the web pages and the API.
 * Other modules use {@link org.convene.accounts.CurrentStaff} and the {@code staffAccess} bean
 * in {@code @PreAuthorize} expressions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.convene.accounts;
