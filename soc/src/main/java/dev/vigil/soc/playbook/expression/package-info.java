/**
 * The one expression language of playbooks: KQL scalar expressions, compiled and run by the
 * workspace's KQL engine. An expression is evaluated as the query
 * {@code let Name = <value>; ... print e0 = <expression>, e1 = ...}: each variable in scope is a
 * {@code let} of its value as a literal of its KQL type, so conditions and templates mean exactly
 * what they mean in a query, with every KQL function at hand. At save, the same query with a
 * placeholder value of each variable's type is compiled (not run), which finds unknown names,
 * wrong types and syntax errors, and gives each variable its type.
 */
package dev.vigil.soc.playbook.expression;
