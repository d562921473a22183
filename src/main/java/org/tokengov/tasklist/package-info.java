/**
 * How Tasklist presents the work: the saved task filters each group of the contract sees. Names only tasks by
 * their BPMN ids; imports no process package.
 */
package org.tokengov.tasklist;
