/**
 * Issuing a token on one REDCap server ({@code TokenIssuanceProcess}, called for QA and for PROD): by SQL
 * in the {@code database} mode, or by a REDCap administrator in the Control Center followed by a rights
 * check through the API in the {@code manual} mode; then recording it and telling the holder.
 */
package org.tokengov.issuance;
