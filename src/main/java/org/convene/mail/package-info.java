/**
 * Transactional e-mail: an outbox written in the same transaction as the change that causes the
 * mail, delivered by SMTP with retries when a server is configured; otherwise network admins read
 * the mails on the Outbox page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package org.convene.mail;
