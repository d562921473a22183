/**
 * What outside callers send, read strictly and the same way at every door (the HR webhook, the usage events, SCIM, the
 * token API): JSON without duplicate keys, trailing data, unknown fields or coerced types, text without control
 * characters, and Standard Webhooks signatures. A port at the bottom: it imports no other package of the app.
 */
package org.tokengov.input;
