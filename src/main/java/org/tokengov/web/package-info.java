/** HTTP concerns of the app itself: authentication of Camunda's REST API. */
package org.tokengov.web;
