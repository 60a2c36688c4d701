/**
 * Hunting: saved hunting queries (Sentinel's hunting-query content), run over a time window, and
 * bookmarks of the rows worth keeping, which Sentinel keeps in the {@code HuntingBookmark} table
 * and which can be attached to incidents.
 */
package dev.vigil.soc.hunting;
