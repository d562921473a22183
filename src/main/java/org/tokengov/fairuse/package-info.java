/**
 * Fair use (policy section 2): {@code FairUseMonitorProcess} evaluates the rules on the usage counts the log reader
 * keeps and records findings; {@code FairUseCaseProcess} asks the holder to fix what a finding showed, and sends a
 * repeat, a severe finding or no answer to the REDCap administrators, who dismiss, warn or suspend through the
 * lifecycle's suspension path. Owns the table {@code fair_use_case}; the findings themselves are {@code usage}'s.
 */
package org.tokengov.fairuse;
