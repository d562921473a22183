/**
 * Shared helpers of the user tasks (a support package at the bottom, beside the ports): who acts on a task, the
 * base of the per-task listeners, four eyes, offering a task only to people who may act on it, and the form rules
 * several tasks share (a QA test result, a decision with comments). Imports ports only, never a process package.
 */
package org.tokengov.usertask;
