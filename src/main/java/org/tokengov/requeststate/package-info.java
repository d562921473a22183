/**
 * Where each token request stands, as people ask it: its state in words ({@link org.tokengov.requeststate.RequestState}),
 * the step it waits at, who must act, since when and until when. It reads the registry (the request as filed, how it
 * ended), the request ledger (the latest code review) and the engine (the running instance's current step, its task and
 * deadline timer); it decides nothing and writes nothing. The app's API ({@code web}) and the pages ({@code dashboard})
 * show it.
 */
package org.tokengov.requeststate;
