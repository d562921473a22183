/**
 * REDCap's request button (database mode): the {@code token access} rows a project's API page leaves on REDCap's
 * to-do list are taken in once each ({@code RequestButtonProcess}, one per row): the requester gets the request survey
 * in Tasklist with the project filled in, and completing it submits a token request in their name, through the same
 * gates as a start from Tasklist. When that request is decided, or the requester never answers, the to-do row is
 * completed or archived with a comment, as a REDCap administrator would. Manual-mode servers are not read: REDCap's
 * API cannot see the to-do list.
 */
package org.tokengov.requestbutton;
