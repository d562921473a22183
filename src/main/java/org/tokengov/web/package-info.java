/** HTTP concerns of the app itself: authentication of Camunda's REST API and how it reports refused steps. */
package org.tokengov.web;
