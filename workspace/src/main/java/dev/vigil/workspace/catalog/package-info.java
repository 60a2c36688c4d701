/**
 * The tables of a workspace: the built-in Sentinel tables with their real columns, the rules for
 * custom ({@code _CL}) tables, and the standard columns every table has.
 */
package dev.vigil.workspace.catalog;
