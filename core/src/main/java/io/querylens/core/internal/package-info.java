/**
 * The recording path shared by every interception point; internal, public only for other QueryLens
 * modules.
 */
package io.querylens.core.internal;
