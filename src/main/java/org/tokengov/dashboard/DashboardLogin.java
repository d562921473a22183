package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Who logged in, by the login the active profile uses; empty for an anonymous visitor. */
interface DashboardLogin {

    Optional<String> username(HttpServletRequest request);
}
