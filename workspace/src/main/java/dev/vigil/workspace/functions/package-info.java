/**
 * Workspace stored functions (Sentinel's parsers and saved functions): the rules for their names
 * and the check that a definition compiles, with positions counted within its body.
 */
package dev.vigil.workspace.functions;
