/**
 * What each kind of playbook step does once its values are worked out: HTTP requests, mail over
 * SMTP, incident changes, queries, watchlist lookups and device actions. Every action that leaves
 * Vigil carries a key made of the run and the step, so that a step tried again (a retry, or a run
 * resumed after a crash mid-step) can be recognised by whoever receives it.
 */
package dev.vigil.soc.playbook.action;
