/**
 * The policy's numbers in one place: token validity, reminder intervals and deadlines. Processes read
 * them through named beans (for timer expressions) or {@link org.tokengov.policy.PolicyProperties}.
 */
package org.tokengov.policy;
