/**
 * What a query's {@code externaldata} may read: the files and URLs an operator allows
 * ({@link dev.vigil.server.externaldata.ExternalDataAllowList}, the server option
 * {@code --externaldata-allow}), read with a size bound by
 * {@link dev.vigil.server.externaldata.AllowedExternalData}. Nothing is allowed by default.
 */
package dev.vigil.server.externaldata;
