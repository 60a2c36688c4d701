/** Automation rules kept per workspace in the state store, and in memory in run order. */
package dev.vigil.soc.automation.store;
